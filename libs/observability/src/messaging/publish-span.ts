import { Span, SpanKind, trace } from '@opentelemetry/api';
import { TraceCarrier } from '../trace-context';
import { linksTo } from './consumer-batch-span';
import { MESSAGING_ATTRIBUTES as A, MESSAGING_TRACER_NAME } from './messaging-attributes';

/** One batch the outbox relay sends to a topic. */
export interface PublishBatch {
  readonly topic: string;
  readonly messageCount: number;
  /** The stored trace context of each event in the batch, linked from the batch span. */
  readonly carriers: readonly TraceCarrier[];
}

/**
 * Starts the PRODUCER span of one relay batch. The batch belongs to no single request, so it is
 * a root span linked to the traces of its events; the events themselves keep their own trace
 * context in the message headers, so consumers continue the appending request's trace.
 */
export function startPublishSpan(batch: PublishBatch): Span {
  return trace.getTracer(MESSAGING_TRACER_NAME).startSpan(`send ${batch.topic}`, {
    kind: SpanKind.PRODUCER,
    root: true,
    links: linksTo(batch.carriers),
    attributes: {
      [A.system]: 'kafka',
      [A.destinationName]: batch.topic,
      [A.operationType]: 'send',
      [A.operationName]: 'send',
      [A.legacyOperation]: 'publish',
      [A.batchMessageCount]: batch.messageCount,
    },
  });
}
