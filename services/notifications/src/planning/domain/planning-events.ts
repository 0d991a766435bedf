import type { EventDataOf } from '@thc/contracts';

/** The events messages are planned from, and those that keep the visit status current. */
export const PLANNING_EVENT = {
  booked: 'thc.scheduling.AppointmentBooked.v1',
  rescheduled: 'thc.scheduling.AppointmentRescheduled.v1',
  cancelled: 'thc.scheduling.AppointmentCancelled.v1',
  completed: 'thc.scheduling.AppointmentCompleted.v1',
  noShow: 'thc.scheduling.AppointmentNoShow.v1',
  reminderDue: 'thc.scheduling.ReminderDue.v1',
  slotOffered: 'thc.scheduling.WaitlistSlotOffered.v1',
  sessionCreated: 'thc.sessions.SessionCreated.v1',
  linkDeliveryRequested: 'thc.sessions.JoinLinkDeliveryRequested.v1',
  arrived: 'thc.sessions.PatientArrivedInWaitingRoom.v1',
  admitted: 'thc.sessions.PatientAdmitted.v1',
  sessionStarted: 'thc.sessions.SessionStarted.v1',
  sessionEnded: 'thc.sessions.SessionEnded.v1',
  surveySubmitted: 'thc.sessions.SurveySubmitted.v1',
} as const;

type E = typeof PLANNING_EVENT;
export type AppointmentBooked = EventDataOf<E['booked']>;
export type AppointmentRescheduled = EventDataOf<E['rescheduled']>;
export type AppointmentCancelled = EventDataOf<E['cancelled']>;
export type ReminderDue = EventDataOf<E['reminderDue']>;
export type WaitlistSlotOffered = EventDataOf<E['slotOffered']>;
export type SessionCreated = EventDataOf<E['sessionCreated']>;
export type JoinLinkDeliveryRequested = EventDataOf<E['linkDeliveryRequested']>;
export type PatientArrivedInWaitingRoom = EventDataOf<E['arrived']>;
export type PatientAdmitted = EventDataOf<E['admitted']>;
export type SessionStarted = EventDataOf<E['sessionStarted']>;
export type SessionEnded = EventDataOf<E['sessionEnded']>;
export type SurveySubmitted = EventDataOf<E['surveySubmitted']>;

/** An event a message answers: its id names the messages planned from it. */
export interface Trigger<TData> {
  readonly eventId: string;
  readonly data: TData;
}
