import type { EncryptedField } from '@thc/contracts';
import type { PlannedMessage, VisitFacts } from '../../delivery/domain/planned-message';
import { addressed } from './addressed-message';
import { DAY_MINUTES, minutesAfter } from './instants';
import type { SessionEnded, Trigger } from './planning-events';

/** Time for the patient to leave the call before being asked about it. */
export const SURVEY_DELAY_MINUTES = 5;
/** After a week the visit is too far back for the answers to mean much. */
export const SURVEY_OPEN_DAYS = 7;

/** What is known of the visit's patient when it ends (SessionEnded names none). */
export interface EndedVisit {
  readonly patientId: string;
  readonly visit?: VisitFacts;
  /** The patient's latest link, through which the survey is answered. */
  readonly joinLink?: EncryptedField;
}

/**
 * After a visit that took place (it was started: the rule sessions applies to accept a survey),
 * the patient is asked how it went. A visit that never started asks nothing.
 */
export function planSurveyInvitation(
  { eventId, data }: Trigger<SessionEnded>,
  ended: EndedVisit,
): PlannedMessage[] {
  if (!data.startedAt) return [];
  return [
    {
      ...addressed(
        eventId,
        'survey-invitation',
        { recipientId: ended.patientId, recipientRole: 'patient' },
        ended.patientId,
      ),
      appointmentId: data.appointmentId,
      sessionId: data.sessionId,
      sendAt: minutesAfter(data.endedAt, SURVEY_DELAY_MINUTES),
      deadline: minutesAfter(data.endedAt, SURVEY_OPEN_DAYS * DAY_MINUTES),
      ...(ended.visit ? { visit: ended.visit } : {}),
      ...(ended.joinLink ? { joinLink: ended.joinLink } : {}),
    },
  ];
}
