import { validateEvent } from '@thc/contracts';
import { VisitEvents } from '../testing/visit-events.fixture';
import { messageIdOf } from './addressed-message';
import { planBookingChanged } from './booking-changed.planner';
import type { KnownAppointment } from './known-appointment';
import { PLANNING_EVENT } from './planning-events';

describe('planning a booking change', () => {
  const visit = new VisitEvents('2026-03-09T09:00:00-04:00', 30, { caregiver: true });
  const data = visit.rescheduled(visit.start, '2026-03-12T20:00:00Z', '2026-03-05T10:02:11Z');
  const eventId = '3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d';
  const known: KnownAppointment = {
    patientId: visit.patientId,
    caregiverIds: [visit.caregiverId!],
    visit: {
      appointmentId: visit.appointmentId,
      start: visit.start,
      end: visit.end,
      timeZone: 'America/New_York',
      visitType: 'audio',
    },
    sequence: 2,
  };

  it('uses a move that holds to its contract', () =>
    expect(validateEvent(PLANNING_EVENT.rescheduled, data)).toBeUndefined());

  it('tells patient and caregiver where the visit was and where it is now', () => {
    const planned = planBookingChanged({ eventId, data }, known);
    expect(planned.map((m) => m.recipientRole)).toEqual(['patient', 'caregiver']);
    expect(planned[0]).toMatchObject({
      messageId: messageIdOf(eventId, visit.patientId, 'booking-changed'),
      kind: 'booking-changed',
      patientId: visit.patientId,
      sendAt: '2026-03-05T10:02:11.000Z',
      deadline: '2026-03-12T20:00:00.000Z',
      previousStart: '2026-03-09T09:00:00-04:00',
      visit: {
        appointmentId: visit.appointmentId,
        start: '2026-03-12T20:00:00.000Z',
        end: '2026-03-12T20:30:00.000Z',
        timeZone: 'America/Chicago',
        visitType: 'audio',
      },
    });
  });

  it('replaces the calendar entry with the sequence of this move', () =>
    expect(planBookingChanged({ eventId, data }, known)[1]?.calendar).toEqual({
      method: 'REQUEST',
      sequence: 2,
    }));
});
