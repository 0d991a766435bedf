import { validateEvent } from '@thc/contracts';
import { VisitEvents } from '../testing/visit-events.fixture';
import { messageIdOf } from './addressed-message';
import { PLANNING_EVENT } from './planning-events';
import { planReminder } from './reminder.planner';

describe('planning a reminder', () => {
  const visit = new VisitEvents('2026-03-09T13:00:00.000Z');
  const data = visit.reminderDue(1440);
  const eventId = '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
  const facts = {
    appointmentId: visit.appointmentId,
    start: visit.start,
    end: visit.end,
    timeZone: 'America/New_York',
    visitType: 'video' as const,
  };

  it('uses a reminder that holds to its contract', () =>
    expect(validateEvent(PLANNING_EVENT.reminderDue, data)).toBeUndefined());

  it('goes to the patient when due, is pointless after the start, and keeps the booking contact', () => {
    expect(planReminder({ eventId, data }, facts)).toEqual([
      {
        messageId: messageIdOf(eventId, visit.patientId, 'reminder'),
        kind: 'reminder',
        recipientId: visit.patientId,
        recipientRole: 'patient',
        patientId: visit.patientId,
        triggerEventId: eventId,
        appointmentId: visit.appointmentId,
        sendAt: '2026-03-08T13:00:00.000Z',
        deadline: '2026-03-09T13:00:00.000Z',
        visit: facts,
        fallbackContact: { channel: 'email', sealed: data.contact },
      },
    ]);
  });

  it('names a visit it never saw booked by the start and kind the reminder carries', () =>
    expect(planReminder({ eventId, data }, undefined)[0]?.visit).toEqual({
      appointmentId: visit.appointmentId,
      start: visit.start,
      end: visit.start,
      timeZone: 'UTC',
      visitType: 'video',
    }));
});
