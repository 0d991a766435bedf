import { StoredEvent } from '@thc/event-store';
import { AuditRecord } from './domain/audit-record';
import { toAuditRecord } from './domain/event-to-audit-record';

const SOURCE = '/thc/compliance-audit';

/**
 * The audit record of an event this service stored itself, exactly as the intake consumer will
 * make it when the outbox relay publishes the event (same id, so that later copy is a
 * redelivery): a step that must be audited is in the trail before the request answers.
 */
export function ownEventRecord(event: StoredEvent): AuditRecord {
  const { correlationId, traceparent } = event.metadata;
  return toAuditRecord({
    id: event.id,
    source: SOURCE,
    type: event.type,
    subject: event.streamId,
    time: event.recordedAt.toISOString(),
    ...(traceparent ? { traceparent } : {}),
    ...(correlationId ? { extensions: { correlationid: correlationId } } : {}),
    data: event.data,
  });
}
