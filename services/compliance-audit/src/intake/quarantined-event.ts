import type { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';

/** Where a consumed event was read, so an operator can find its message in Kafka. */
export interface KafkaPosition {
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: string;
}

/**
 * An event held back from the trail's data: its type is not in the contracts this service
 * knows, so nothing here can tell what its data means or whether it holds PHI in clear. Only
 * where it is and who sent it are kept; the data stays in Kafka's retained log, from where it
 * can be replayed once the type is known.
 */
export interface QuarantinedEvent extends KafkaPosition {
  readonly eventId: string;
  readonly type: string;
  readonly source: string;
  readonly reason: 'unknown-type';
  readonly quarantinedAt: string;
}

/** The quarantine entry of an event whose type this service does not know. */
export function quarantineOf(event: AuditedEvent & KafkaPosition, at: Date): QuarantinedEvent {
  return {
    eventId: event.id,
    type: event.type,
    source: event.source,
    reason: 'unknown-type',
    ...(event.topic !== undefined ? { topic: event.topic } : {}),
    ...(event.partition !== undefined ? { partition: event.partition } : {}),
    ...(event.offset !== undefined ? { offset: event.offset } : {}),
    quarantinedAt: at.toISOString(),
  };
}
