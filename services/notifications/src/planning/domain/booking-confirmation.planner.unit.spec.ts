import { validateEvent } from '@thc/contracts';
import { VisitEvents } from '../testing/visit-events.fixture';
import { messageIdOf } from './addressed-message';
import { planBookingConfirmation } from './booking-confirmation.planner';
import { PLANNING_EVENT } from './planning-events';

describe('planning a booking confirmation', () => {
  const visit = new VisitEvents('2026-03-09T09:00:00-04:00', 30, {
    caregiver: true,
    interpreter: true,
  });
  const data = visit.booked('2026-03-02T14:12:05Z');
  const eventId = '0b1f6a4e-2d8c-4e1a-9c3b-5f7d9e1a2b3c';

  it('uses a booking that holds to its contract', () =>
    expect(validateEvent(PLANNING_EVENT.booked, data)).toBeUndefined());

  it('confirms to the patient and the caregiver, never the provider or the interpreter', () => {
    const planned = planBookingConfirmation({ eventId, data });
    expect(planned.map((m) => [m.recipientId, m.recipientRole])).toEqual([
      [visit.patientId, 'patient'],
      [visit.caregiverId, 'caregiver'],
    ]);
  });

  it('is sent when booked, is pointless after the start, and carries a new calendar entry', () => {
    const [message] = planBookingConfirmation({ eventId, data });
    expect(message).toEqual({
      messageId: messageIdOf(eventId, visit.patientId, 'booking-confirmation'),
      kind: 'booking-confirmation',
      recipientId: visit.patientId,
      recipientRole: 'patient',
      patientId: visit.patientId,
      triggerEventId: eventId,
      appointmentId: visit.appointmentId,
      sendAt: '2026-03-02T14:12:05.000Z',
      deadline: '2026-03-09T09:00:00-04:00',
      visit: {
        appointmentId: visit.appointmentId,
        start: '2026-03-09T09:00:00-04:00',
        end: '2026-03-09T13:30:00.000Z',
        timeZone: 'America/New_York',
        visitType: 'video',
      },
      calendar: { method: 'REQUEST', sequence: 0 },
    });
  });

  it('names the same messages when the event is planned again, and others for another event', () => {
    const ids = (id: string) =>
      planBookingConfirmation({ eventId: id, data }).map((m) => m.messageId);
    expect(ids(eventId)).toEqual(ids(eventId));
    expect(new Set(ids(eventId)).size).toBe(2);
    expect(ids('5e0c2a7b-8d1f-4c3e-a6b9-2f4d8e1c7a5b')).not.toContain(ids(eventId)[0]);
  });
});
