import { Context, Span, SpanKind, trace } from '@opentelemetry/api';
import { contextFromCarrier, TraceCarrier } from '../trace-context';
import { MESSAGING_ATTRIBUTES as A, MESSAGING_TRACER_NAME } from './messaging-attributes';

/**
 * Where a consumed message came from. Only identifiers: no event data, so no PHI can reach a
 * trace backend through span attributes.
 */
export interface ConsumedMessageOrigin {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly group: string;
  readonly key?: string;
  /** CloudEvents `ce_id`. */
  readonly eventId?: string;
  /** CloudEvents `ce_type`. */
  readonly eventType?: string;
  /** The message's `traceparent`/`tracestate` headers. */
  readonly carrier: TraceCarrier;
}

/** A started consumer span and the context to run the handler in (the span is active there). */
export interface ConsumerSpan {
  readonly span: Span;
  readonly context: Context;
}

/**
 * Starts the CONSUMER span of one message, as a child of the context the producer put in its
 * headers, so the trace that appended the event continues into every consumer.
 */
export function startConsumerSpan(origin: ConsumedMessageOrigin): ConsumerSpan {
  const parent = contextFromCarrier(origin.carrier);
  const span = trace
    .getTracer(MESSAGING_TRACER_NAME)
    .startSpan(
      `process ${origin.topic}`,
      { kind: SpanKind.CONSUMER, attributes: consumerAttributes(origin) },
      parent,
    );
  return { span, context: trace.setSpan(parent, span) };
}

function consumerAttributes(origin: ConsumedMessageOrigin): Record<string, string | number> {
  const attributes: Record<string, string | number> = {
    [A.system]: 'kafka',
    [A.destinationName]: origin.topic,
    [A.partitionId]: String(origin.partition),
    [A.operationType]: 'process',
    [A.operationName]: 'process',
    [A.legacyOperation]: 'process',
    [A.consumerGroup]: origin.group,
    [A.kafkaOffset]: Number(origin.offset),
  };
  if (origin.key !== undefined) attributes[A.kafkaMessageKey] = origin.key;
  if (origin.eventId !== undefined) {
    attributes[A.messageId] = origin.eventId;
    attributes[A.cloudEventsId] = origin.eventId;
  }
  if (origin.eventType !== undefined) attributes[A.cloudEventsType] = origin.eventType;
  return attributes;
}
