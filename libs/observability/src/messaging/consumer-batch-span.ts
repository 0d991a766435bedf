import { Attributes, Link, Span, SpanKind, trace } from '@opentelemetry/api';
import { contextFromCarrier, TraceCarrier } from '../trace-context';
import { MESSAGING_ATTRIBUTES as A, MESSAGING_TRACER_NAME } from './messaging-attributes';
import { endWith } from './span-family';

/** Consecutive messages of one partition handled together by a batch handler. */
export interface ConsumedBatchOrigin {
  readonly topic: string;
  readonly partition: number;
  readonly group: string;
  readonly messageCount: number;
  /** Each message's `traceparent`/`tracestate` headers. */
  readonly carriers: readonly TraceCarrier[];
  /**
   * Each message's key and event id, in the order of `carriers`: a message's span in its own
   * trace names the message it processed, as the span of a message handled alone does.
   */
  readonly messages?: readonly { readonly key?: string; readonly eventId?: string }[];
}

// Links stay in memory until the span ends; a batch can hold thousands of messages.
const MAX_LINKS = 128;

/**
 * Starts the CONSUMER span of a batch handler call. A span has one parent but the messages
 * come from many traces, so, as the messaging conventions advise for batches, the span is a
 * root linked to each message's trace. Each message that carries a trace context also gets a
 * CONSUMER span in its own trace, ended with the batch span by `endSpan`, so a request's trace
 * shows every consumer that processed its events, batched or not.
 */
export function startConsumerBatchSpan(origin: ConsumedBatchOrigin): Span {
  const tracer = trace.getTracer(MESSAGING_TRACER_NAME);
  const attributes: Attributes = {
    [A.system]: 'kafka',
    [A.destinationName]: origin.topic,
    [A.partitionId]: String(origin.partition),
    [A.operationType]: 'process',
    [A.operationName]: 'process',
    [A.legacyOperation]: 'process',
    [A.consumerGroup]: origin.group,
  };
  const span = tracer.startSpan(`process ${origin.topic}`, {
    kind: SpanKind.CONSUMER,
    root: true,
    links: linksTo(origin.carriers),
    attributes: { ...attributes, [A.batchMessageCount]: origin.messageCount },
  });
  const perMessage = origin.carriers
    .map((carrier, index) => ({
      parent: contextFromCarrier(carrier),
      message: origin.messages?.[index],
    }))
    .filter(({ parent }) => trace.getSpanContext(parent) !== undefined)
    .map(({ parent, message }) =>
      tracer.startSpan(
        `process ${origin.topic}`,
        { kind: SpanKind.CONSUMER, attributes: { ...attributes, ...messageAttributes(message) } },
        parent,
      ),
    );
  endWith(span, perMessage);
  return span;
}

function messageAttributes(message?: { key?: string; eventId?: string }): Attributes {
  const attributes: Attributes = {};
  if (message?.key !== undefined) attributes[A.kafkaMessageKey] = message.key;
  if (message?.eventId !== undefined) {
    attributes[A.messageId] = message.eventId;
    attributes[A.cloudEventsId] = message.eventId;
  }
  return attributes;
}

/** Span links to the traces the carriers name (at most a bounded number). */
export function linksTo(carriers: readonly TraceCarrier[]): Link[] {
  const links: Link[] = [];
  for (const carrier of carriers) {
    if (links.length >= MAX_LINKS) break;
    const linked = trace.getSpanContext(contextFromCarrier(carrier));
    if (linked) links.push({ context: linked });
  }
  return links;
}
