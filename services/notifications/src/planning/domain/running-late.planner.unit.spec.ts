import { validateEvent } from '@thc/contracts';
import { VisitEvents } from '../testing/visit-events.fixture';
import { messageIdOf } from './addressed-message';
import { PLANNING_EVENT } from './planning-events';
import { planRunningLate } from './running-late.planner';

describe('planning "the provider is running late"', () => {
  const visit = new VisitEvents('2026-03-09T13:00:00.000Z');
  const facts = {
    appointmentId: visit.appointmentId,
    start: visit.start,
    end: visit.end,
    timeZone: 'America/New_York',
    visitType: 'video' as const,
  };
  const eventId = 'f7a8b9c0-d1e2-4f3a-8b4c-5d6e7f8a9b0c';

  it('uses an arrival that holds to its contract', () =>
    expect(validateEvent(PLANNING_EVENT.arrived, visit.arrived(visit.start))).toBeUndefined());

  it('counts the wait from the start for a patient who came early', () => {
    const data = visit.arrived('2026-03-09T12:50:00Z');
    expect(planRunningLate({ eventId, data }, 10, facts)).toEqual([
      {
        messageId: messageIdOf(eventId, visit.patientId, 'provider-running-late'),
        kind: 'provider-running-late',
        recipientId: visit.patientId,
        recipientRole: 'patient',
        patientId: visit.patientId,
        triggerEventId: eventId,
        appointmentId: visit.appointmentId,
        sessionId: visit.sessionId,
        sendAt: '2026-03-09T13:10:00.000Z',
        deadline: visit.end,
        urgent: true,
        waitedMinutes: 10,
        visit: facts,
      },
    ]);
  });

  it('counts the wait from the arrival for a patient who came late', () => {
    const data = visit.arrived('2026-03-09T13:07:00Z');
    expect(planRunningLate({ eventId, data }, 10, facts)[0]?.sendAt).toBe(
      '2026-03-09T13:17:00.000Z',
    );
  });

  it('counts from the arrival when the visit is not known', () => {
    const data = visit.arrived('2026-03-09T12:50:00Z');
    const [message] = planRunningLate({ eventId, data }, 5, undefined);
    expect(message?.sendAt).toBe('2026-03-09T12:55:00.000Z');
    expect(message?.deadline).toBeUndefined();
  });
});
