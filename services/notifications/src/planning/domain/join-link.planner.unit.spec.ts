import { validateEvent } from '@thc/contracts';
import { VisitEvents } from '../testing/visit-events.fixture';
import { messageIdOf } from './addressed-message';
import { planJoinLink } from './join-link.planner';
import { PLANNING_EVENT } from './planning-events';

describe('planning a join link', () => {
  const visit = new VisitEvents('2026-03-09T13:00:00.000Z', 30, {
    caregiver: true,
    interpreter: true,
  });
  const eventId = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
  const lead = 15;

  it('uses a request that holds to its contract', () =>
    expect(
      validateEvent(
        PLANNING_EVENT.linkDeliveryRequested,
        visit.linkRequested(visit.patientId, 'patient', 'before-visit', '2026-03-02T14:12:06Z'),
      ),
    ).toBeUndefined());

  it('sends each participant their own sealed link at the lead time before the visit', () => {
    const data = visit.linkRequested(
      visit.interpreterId!,
      'interpreter',
      'before-visit',
      '2026-03-02T14:12:06Z',
    );
    expect(planJoinLink({ eventId, data }, lead, undefined)).toEqual([
      {
        messageId: messageIdOf(eventId, visit.interpreterId!, 'join-link'),
        kind: 'join-link',
        recipientId: visit.interpreterId,
        recipientRole: 'interpreter',
        patientId: visit.patientId,
        triggerEventId: eventId,
        appointmentId: visit.appointmentId,
        sessionId: visit.sessionId,
        sendAt: '2026-03-09T12:45:00.000Z',
        deadline: data.expiresAt,
        urgent: false,
        joinLink: data.link,
      },
    ]);
  });

  it('never sends before it was asked for, when asked for inside the lead time', () => {
    const data = visit.linkRequested(
      visit.caregiverId!,
      'caregiver',
      'before-visit',
      '2026-03-09T12:55:00Z',
    );
    expect(planJoinLink({ eventId, data }, lead, undefined)[0]?.sendAt).toBe(
      '2026-03-09T12:55:00.000Z',
    );
  });

  it('sends a link a coordinator sent now at once, inside quiet hours too', () => {
    const data = visit.linkRequested(visit.patientId, 'patient', 'now', '2026-03-08T03:10:00Z');
    expect(planJoinLink({ eventId, data }, lead, undefined)[0]).toMatchObject({
      recipientRole: 'patient',
      sendAt: '2026-03-08T03:10:00.000Z',
      urgent: true,
    });
  });

  it('sends the provider nothing: they take their link in the console', () => {
    const data = visit.linkRequested(visit.providerId, 'provider', 'now', '2026-03-08T03:10:00Z');
    expect(planJoinLink({ eventId, data }, lead, undefined)).toEqual([]);
  });

  it('names the visit when it is known', () => {
    const data = visit.linkRequested(
      visit.patientId,
      'patient',
      'before-visit',
      '2026-03-02T14:12:06Z',
    );
    const facts = {
      appointmentId: visit.appointmentId,
      start: visit.start,
      end: visit.end,
      timeZone: 'Europe/Berlin',
      visitType: 'audio' as const,
    };
    expect(planJoinLink({ eventId, data }, lead, facts)[0]?.visit).toEqual(facts);
  });
});
