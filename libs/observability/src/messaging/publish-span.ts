import { Attributes, Span, SpanKind, trace } from '@opentelemetry/api';
import { contextFromCarrier, TraceCarrier } from '../trace-context';
import { linksTo } from './consumer-batch-span';
import { MESSAGING_ATTRIBUTES as A, MESSAGING_TRACER_NAME } from './messaging-attributes';
import { endWith } from './span-family';

/** One batch the outbox relay sends to a topic. */
export interface PublishBatch {
  readonly topic: string;
  readonly messageCount: number;
  /** The stored trace context of each event in the batch, linked from the batch span. */
  readonly carriers: readonly TraceCarrier[];
}

/**
 * Starts the PRODUCER span of one relay batch. The batch belongs to no single request, so it is
 * a root span linked to the traces of its events. Each event that carries a trace context also
 * gets a PRODUCER span `send <topic>` in its own trace (a child of the request that appended
 * it), ended with the batch span by `endSpan`, so the publish step shows in the request's
 * trace. The events keep their stored context in the message headers, so consumers continue
 * the appending request's trace too.
 */
export function startPublishSpan(batch: PublishBatch): Span {
  const tracer = trace.getTracer(MESSAGING_TRACER_NAME);
  const attributes: Attributes = {
    [A.system]: 'kafka',
    [A.destinationName]: batch.topic,
    [A.operationType]: 'send',
    [A.operationName]: 'send',
    [A.legacyOperation]: 'publish',
  };
  const span = tracer.startSpan(`send ${batch.topic}`, {
    kind: SpanKind.PRODUCER,
    root: true,
    links: linksTo(batch.carriers),
    attributes: { ...attributes, [A.batchMessageCount]: batch.messageCount },
  });
  const perEvent = batch.carriers
    .map((carrier) => contextFromCarrier(carrier))
    .filter((parent) => trace.getSpanContext(parent) !== undefined)
    .map((parent) =>
      tracer.startSpan(`send ${batch.topic}`, { kind: SpanKind.PRODUCER, attributes }, parent),
    );
  endWith(span, perEvent);
  return span;
}
