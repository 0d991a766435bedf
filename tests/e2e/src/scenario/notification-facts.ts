import { AuditedEvent } from '../external-consumer/contract-audit';
import { MessageKind } from './mail-subjects';

/** Distinct events by type, as the external consumer read them. */
export type EventsByType = ReadonlyMap<string, readonly AuditedEvent[]>;

/** What became of one message on one channel (or as a whole), as thc.notifications.v1 says. */
export interface Outcome {
  readonly messageId: string;
  readonly recipientId: string;
  readonly kind: MessageKind;
  readonly appointmentId?: string;
  /** The event the message answers (a ReminderDue, a JoinLinkDeliveryRequested, ...). */
  readonly triggerEventId: string;
  readonly channel?: 'email' | 'sms';
  /** Why it was not sent; absent for a message that was. */
  readonly reason?: string;
}

/** A reminder scheduling found due. */
export interface DueReminder {
  readonly id: string;
  readonly appointmentId: string;
  readonly offsetMinutes: number;
}

/** A join link sessions handed over for delivery, and the moment it falls due. */
export interface JoinLinkRequest {
  readonly id: string;
  readonly appointmentId: string;
  readonly participantId: string;
  readonly deliver: 'before-visit' | 'now';
  readonly dueAt: number;
}

const of = (events: EventsByType, type: string) => events.get(type) ?? [];

/** Every NotificationSent and NotificationFailed. */
export function outcomesIn(events: EventsByType): Outcome[] {
  return [
    ...of(events, 'thc.notifications.NotificationSent.v1'),
    ...of(events, 'thc.notifications.NotificationFailed.v1'),
  ].map((e) => e.data as unknown as Outcome);
}

export function dueRemindersIn(events: EventsByType): DueReminder[] {
  return of(events, 'thc.scheduling.ReminderDue.v1').map((e) => ({
    id: e.id,
    appointmentId: String(e.data['appointmentId']),
    offsetMinutes: Number(e.data['offsetMinutes']),
  }));
}

/**
 * Each join link handed over to be sent to someone (the provider takes theirs in the console),
 * due `leadMinutes` before the visit (never before it was handed over), or at once.
 */
export function joinLinkRequestsIn(events: EventsByType, leadMinutes: number): JoinLinkRequest[] {
  return of(events, 'thc.sessions.JoinLinkDeliveryRequested.v1')
    .filter((e) => e.data['role'] !== 'provider')
    .map((e) => {
      const requestedAt = Date.parse(String(e.data['requestedAt']));
      const deliver = e.data['deliver'] as JoinLinkRequest['deliver'];
      const lead = Date.parse(String(e.data['visitStart'])) - leadMinutes * 60_000;
      return {
        id: e.id,
        appointmentId: String(e.data['appointmentId']),
        participantId: String(e.data['participantId']),
        deliver,
        dueAt: deliver === 'now' ? requestedAt : Math.max(lead, requestedAt),
      };
    });
}
