import type { EventDataOf, EventType } from '@thc/contracts';
import type { MessageChannel } from './message-facts';

/**
 * What one event says about a visit, in the visit's own terms: times as instants, ids of
 * clinic, provider and session only (never the patient).
 */
export type VisitFact =
  | {
      readonly kind: 'booked';
      readonly clinicId: string;
      readonly providerId: string;
      readonly visitType: string;
      readonly start: Date;
      readonly end: Date;
      readonly timeZone: string;
      readonly bookedAt: Date;
    }
  | {
      readonly kind: 'rescheduled';
      readonly start: Date;
      readonly end: Date;
      readonly timeZone: string;
    }
  | { readonly kind: 'cancelled'; readonly cancelledAt: Date; readonly late: boolean }
  | { readonly kind: 'completed'; readonly startedAt: Date; readonly endedAt: Date }
  | { readonly kind: 'no-show'; readonly absent: string }
  | {
      readonly kind: 'session-created';
      readonly sessionId: string;
      readonly clinicId: string;
      readonly providerId: string;
      readonly visitType: string;
      readonly start: Date;
      readonly end: Date;
    }
  | { readonly kind: 'arrived'; readonly at: Date }
  | { readonly kind: 'admitted'; readonly at: Date }
  | { readonly kind: 'provider-joined'; readonly at: Date }
  | { readonly kind: 'session-started'; readonly at: Date }
  | {
      readonly kind: 'session-ended';
      readonly outcome: string;
      readonly startedAt?: Date;
      readonly endedAt: Date;
    }
  | { readonly kind: 'check'; readonly failed: boolean }
  | { readonly kind: 'audio-only'; readonly at: Date }
  /** One connection sample's MOS in thousandths, and the histogram bin it falls in. */
  | { readonly kind: 'connection-sampled'; readonly mosMilli: number; readonly bin: string }
  | { readonly kind: 'issue-opened'; readonly issueId: string; readonly at: Date }
  | { readonly kind: 'issue-resolved'; readonly issueId: string; readonly at: Date }
  | {
      readonly kind: 'surveyed';
      readonly byPatient: boolean;
      readonly satisfaction: number;
      readonly nps: number;
    }
  /**
   * A message about the visit exists (it follows the visit's clinic once that is known); for a
   * reminder, whether it changes the visit's counters, and what it reached on which channel.
   */
  | {
      readonly kind: 'message';
      readonly messageId: string;
      readonly reminder: boolean;
      readonly reached?: { readonly channel: MessageChannel; readonly mark: 'sent' | 'bounced' };
    };

type ScheduleData = EventDataOf<
  'thc.scheduling.ProviderScheduleDefined.v1' | 'thc.scheduling.ProviderScheduleDefined.v2'
>;

/** A provider's schedule as in force from `effectiveFrom` (the whole schedule each time). */
export interface ScheduleFact {
  readonly kind: 'schedule-defined';
  readonly clinicId: string;
  readonly timeZone: string;
  readonly weeklyRules: ScheduleData['weeklyRules'];
  readonly exceptions: ScheduleData['exceptions'];
  readonly effectiveFrom: string;
}

/** What training says of a staff member: known since when, credentialed until when. */
export type StaffFact =
  | {
      readonly kind: 'credentialed';
      readonly role: string;
      readonly credentialedAt: Date;
      readonly validUntil: Date;
    }
  | { readonly kind: 'lapsed'; readonly role: string; readonly lapsedAt: Date }
  | { readonly kind: 'enrolled'; readonly role: string; readonly enrolledAt: Date }
  | { readonly kind: 'module-completed'; readonly completedAt: Date };

/** What became of a message on a channel (`none`: a failure before any channel was tried). */
export interface MessageFact {
  readonly kind: 'outcome';
  readonly messageKind: string;
  readonly appointmentId?: string;
  readonly channel: MessageChannel | 'none';
  readonly outcome:
    { readonly mark: 'sent' | 'bounced' } | { readonly mark: 'failed'; readonly reason: string };
  readonly at: Date;
}

/**
 * A fact and the document it goes to: a visit (by appointment id, or by session id when the
 * event does not name the appointment), a provider's schedule, a staff member or a message.
 */
export type EventFact =
  | { readonly target: 'visit'; readonly appointmentId: string; readonly fact: VisitFact }
  | { readonly target: 'visit-of-session'; readonly sessionId: string; readonly fact: VisitFact }
  | { readonly target: 'schedule'; readonly providerId: string; readonly fact: ScheduleFact }
  | { readonly target: 'staff'; readonly staffId: string; readonly fact: StaffFact }
  | { readonly target: 'message'; readonly messageId: string; readonly fact: MessageFact };

/** The facts of each event type a metric uses, from that type's data as its contract types it. */
export type FactsOfEvents = {
  readonly [T in EventType]?: (data: EventDataOf<T>) => readonly EventFact[];
};
