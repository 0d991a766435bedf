import { validateEvent } from '@thc/contracts';
import { sealed, VisitEvents } from '../testing/visit-events.fixture';
import { messageIdOf } from './addressed-message';
import { PLANNING_EVENT } from './planning-events';
import { planSurveyInvitation } from './survey-invitation.planner';

describe('planning a survey invitation', () => {
  const visit = new VisitEvents('2026-03-09T13:00:00.000Z');
  const eventId = 'a9b0c1d2-e3f4-4a5b-9c6d-7e8f9a0b1c2d';
  const link = sealed('patient link');

  it('uses an end that holds to its contract', () =>
    expect(
      validateEvent(PLANNING_EVENT.sessionEnded, visit.ended('2026-03-09T13:25:00Z', visit.start)),
    ).toBeUndefined());

  it('asks the patient five minutes after a visit that took place, for a week, through their link', () => {
    const data = visit.ended('2026-03-09T13:25:00Z', '2026-03-09T13:01:00Z');
    expect(
      planSurveyInvitation({ eventId, data }, { patientId: visit.patientId, joinLink: link }),
    ).toEqual([
      {
        messageId: messageIdOf(eventId, visit.patientId, 'survey-invitation'),
        kind: 'survey-invitation',
        recipientId: visit.patientId,
        recipientRole: 'patient',
        patientId: visit.patientId,
        triggerEventId: eventId,
        appointmentId: visit.appointmentId,
        sessionId: visit.sessionId,
        sendAt: '2026-03-09T13:30:00.000Z',
        deadline: '2026-03-16T13:25:00.000Z',
        joinLink: link,
      },
    ]);
  });

  it.each(['patient-no-show', 'provider-no-show', 'cancelled'] as const)(
    'asks nothing after a visit that never started (%s)',
    (outcome) => {
      const data = visit.ended('2026-03-09T13:25:00Z', undefined, outcome);
      expect(planSurveyInvitation({ eventId, data }, { patientId: visit.patientId })).toEqual([]);
    },
  );
});
