import type { DomainEvent } from '@thc/event-store/decider';

/*
 * Internal facts of the booking ledger. They live in their own collection (`booking_ledger`),
 * which no outbox relay reads, so they never reach Kafka and are not part of the contracts.
 */

export const LEDGER_EVENT = {
  claimed: 'scheduling.ledger.TimeClaimed.v1',
  released: 'scheduling.ledger.TimeReleased.v1',
} as const;

/**
 * Instants are UTC ISO strings. `visitStart`/`visitEnd` is the visit and, with the appointment
 * id, identifies the claim; `start`/`end` is the time it holds, buffers included.
 */
export interface ClaimedTime {
  readonly appointmentId: string;
  readonly visitStart: string;
  readonly visitEnd: string;
  readonly start: string;
  readonly end: string;
  readonly claimedAt: string;
}

export type ReleaseWhy = 'cancelled' | 'rescheduled' | 'compensation' | 'abandoned';

export interface ReleasedTime {
  readonly appointmentId: string;
  readonly visitStart: string;
  readonly visitEnd: string;
  readonly releasedAt: string;
  readonly why: ReleaseWhy;
}

export type TimeClaimed = DomainEvent<typeof LEDGER_EVENT.claimed, ClaimedTime>;
export type TimeReleased = DomainEvent<typeof LEDGER_EVENT.released, ReleasedTime>;
export type LedgerEvent = TimeClaimed | TimeReleased;
