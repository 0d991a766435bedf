import { toKafkaHeaders } from '@thc/contracts';
import { StoredEvent } from '@thc/event-store';
import { TraceCarrier } from '@thc/observability';
import { Message } from 'kafkajs';

/**
 * The Kafka message of a stored event: keyed by stream id (one stream, one partition, so its
 * order holds), CloudEvents attributes in headers, JSON data as the value. The trace context
 * is the one stored with the event at append time, so consumers continue the trace of the
 * request that appended it, not the relay's.
 */
export function outboxMessage(event: StoredEvent, source: string): Message {
  const { correlationId, causationId } = event.metadata;
  return {
    key: event.streamId,
    value: JSON.stringify(event.data),
    headers: toKafkaHeaders({
      id: event.id,
      source,
      type: event.type,
      subject: event.streamId,
      time: event.recordedAt.toISOString(),
      ...storedTraceContext(event),
      extensions: {
        ...(correlationId ? { correlationid: correlationId } : {}),
        ...(causationId ? { causationid: causationId } : {}),
      },
    }),
  };
}

/** The W3C trace context stored with the event, if it was appended inside a trace. */
export function storedTraceContext(event: StoredEvent): TraceCarrier {
  const { traceparent, tracestate } = event.metadata;
  return { ...(traceparent ? { traceparent } : {}), ...(tracestate ? { tracestate } : {}) };
}
