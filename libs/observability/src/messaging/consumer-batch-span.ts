import { Link, Span, SpanKind, trace } from '@opentelemetry/api';
import { contextFromCarrier, TraceCarrier } from '../trace-context';
import { MESSAGING_ATTRIBUTES as A, MESSAGING_TRACER_NAME } from './messaging-attributes';

/** Consecutive messages of one partition handled together by a batch handler. */
export interface ConsumedBatchOrigin {
  readonly topic: string;
  readonly partition: number;
  readonly group: string;
  readonly messageCount: number;
  /** Each message's `traceparent`/`tracestate` headers. */
  readonly carriers: readonly TraceCarrier[];
}

// Links stay in memory until the span ends; a batch can hold thousands of messages.
const MAX_LINKS = 128;

/**
 * Starts the CONSUMER span of a batch handler call. A span has one parent but the messages
 * come from many traces, so, as the messaging conventions advise for batches, the span is a
 * root linked to each message's trace.
 */
export function startConsumerBatchSpan(origin: ConsumedBatchOrigin): Span {
  return trace.getTracer(MESSAGING_TRACER_NAME).startSpan(`process ${origin.topic}`, {
    kind: SpanKind.CONSUMER,
    root: true,
    links: linksTo(origin.carriers),
    attributes: {
      [A.system]: 'kafka',
      [A.destinationName]: origin.topic,
      [A.partitionId]: String(origin.partition),
      [A.operationType]: 'process',
      [A.operationName]: 'process',
      [A.legacyOperation]: 'process',
      [A.consumerGroup]: origin.group,
      [A.batchMessageCount]: origin.messageCount,
    },
  });
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
