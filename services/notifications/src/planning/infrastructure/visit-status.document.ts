import type { EncryptedField } from '@thc/contracts';
import type { VisitFacts } from '../../delivery/domain/planned-message';
import type { VisitStatus } from '../../delivery/domain/visit-status';
import type { KnownAppointment } from '../domain/known-appointment';

/**
 * One appointment as followed from scheduling and sessions events, keyed by appointmentId.
 * Scheduling's facts are set by its events (booked, then each move) and guarded by the time of
 * the change; the sessions events, which may be consumed before the booking is, fill the visit's
 * facts only when nothing is there yet. Moments of the visit are UTC ISO instants, so that
 * `$min`/`$max` keep the first admission or end and the latest arrival whatever the order.
 */
export interface VisitStatusDocument {
  readonly _id: string;
  readonly patientId?: string;
  readonly caregiverIds?: readonly string[];
  readonly start?: string;
  readonly end?: string;
  readonly timeZone?: string;
  readonly visitType?: VisitFacts['visitType'];
  readonly status?: VisitStatus['status'];
  /** When the booking or the latest move was made (ms): an older or repeated one no longer matches. */
  readonly changedAtMs?: number;
  /** The calendar entry's sequence: 0 when booked, one more per move and for the cancellation. */
  readonly sequence?: number;
  /** The scheduling event that changed it last: its redelivery plans again from this state. */
  readonly lastChangeEventId?: string;
  /** Cancelled, completed or a no-show: nothing moves it any more. */
  readonly settled?: boolean;
  readonly sessionId?: string;
  readonly arrivedAt?: string;
  readonly admittedAt?: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  /** When the patient answered the visit's survey: no invitation is sent after that. */
  readonly surveyedAt?: string;
  /** The patient's latest join link, sealed as sessions sent it, and when it was asked for. */
  readonly patientJoinLink?: EncryptedField;
  readonly patientJoinLinkAt?: string;
}

/** A UTC ISO instant, comparable as a string with every other one stored. */
export const utc = (iso: string): string => new Date(iso).toISOString();

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  return a <= b ? a : b;
}

/**
 * The status the dispatcher reads. A started visit counts as the patient being with the
 * provider even without an admission from the waiting room: nobody is kept waiting any more.
 */
export function visitStatusOf(doc: VisitStatusDocument | null): VisitStatus | undefined {
  if (!doc?.start || !doc.status) return undefined;
  const admittedAt = earliest(doc.admittedAt, doc.startedAt);
  return {
    appointmentId: doc._id,
    start: doc.start,
    status: doc.status,
    ...(doc.sessionId ? { sessionId: doc.sessionId } : {}),
    ...(doc.arrivedAt ? { arrivedAt: doc.arrivedAt } : {}),
    ...(admittedAt ? { admittedAt } : {}),
    ...(doc.endedAt ? { endedAt: doc.endedAt } : {}),
    ...(doc.surveyedAt ? { surveyedAt: doc.surveyedAt } : {}),
  };
}

/** The visit as a message names it; its zone is UTC until the booking (which names it) is seen. */
export function visitFactsOf(doc: VisitStatusDocument | null): VisitFacts | undefined {
  if (!doc?.start || !doc.end || !doc.visitType) return undefined;
  return {
    appointmentId: doc._id,
    start: doc.start,
    end: doc.end,
    timeZone: doc.timeZone ?? 'UTC',
    visitType: doc.visitType,
  };
}

export function knownAppointmentOf(doc: VisitStatusDocument | null): KnownAppointment | undefined {
  const visit = visitFactsOf(doc);
  if (!doc?.patientId || !visit) return undefined;
  return {
    patientId: doc.patientId,
    caregiverIds: doc.caregiverIds ?? [],
    visit,
    sequence: doc.sequence ?? 0,
  };
}
