import { currentTraceCarrier, TraceCarrier } from '@thc/observability';
import { EventDocument } from '../event-document.schema';
import { EventMetadata, NewEvent } from '../stored-event';

/**
 * The documents of one append after version `base`. Every document names the first and last
 * version of the append, which is how readers tell a finished append from one in progress.
 */
export function eventDocuments(
  streamId: string,
  base: number,
  events: readonly (NewEvent & { readonly id: string })[],
  recordedAt: Date,
  activeTrace: () => TraceCarrier = currentTraceCarrier,
): EventDocument[] {
  // Captured once: every event of an append is caused by the same operation.
  const trace = events.some((event) => !event.metadata?.traceparent) ? activeTrace() : {};
  const batchStart = base + 1;
  const batchEnd = base + events.length;
  return events.map((event, index) => ({
    _id: event.id,
    streamId,
    version: batchStart + index,
    batchStart,
    batchEnd,
    type: event.type,
    data: event.data,
    metadata: storedMetadata(event.metadata, trace),
    recordedAt,
    pending: true,
  }));
}

/**
 * Metadata as stored: only the fields that have a value. An event that names no trace of its
 * own carries the active OpenTelemetry context, so the trace continues through Kafka.
 */
export function storedMetadata(
  metadata: EventMetadata | undefined,
  active: TraceCarrier,
): Record<string, string> {
  const trace = metadata?.traceparent
    ? { traceparent: metadata.traceparent, tracestate: metadata.tracestate }
    : active;
  const fields: Record<string, string | undefined> = {
    correlationId: metadata?.correlationId,
    causationId: metadata?.causationId,
    actor: metadata?.actor,
    traceparent: trace.traceparent,
    tracestate: trace.tracestate,
  };
  return Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
