import { validateEvent } from '@thc/contracts';
import { VisitEvents } from '../testing/visit-events.fixture';
import { planBookingCancelled } from './booking-cancelled.planner';
import type { KnownAppointment } from './known-appointment';
import { PLANNING_EVENT } from './planning-events';

describe('planning a cancellation', () => {
  const visit = new VisitEvents('2026-03-09T09:00:00-04:00');
  const data = visit.cancelled('2026-03-08T22:40:00Z');
  const eventId = '6d7e8f9a-0b1c-4d2e-9f3a-4b5c6d7e8f9a';
  const known: KnownAppointment = {
    patientId: visit.patientId,
    caregiverIds: [],
    visit: {
      appointmentId: visit.appointmentId,
      start: visit.start,
      end: visit.end,
      timeZone: 'America/New_York',
      visitType: 'video',
    },
    sequence: 1,
  };

  it('uses a cancellation that holds to its contract', () =>
    expect(validateEvent(PLANNING_EVENT.cancelled, data)).toBeUndefined());

  it('withdraws the calendar entry, not urgently, until a day after the visit would have been', () => {
    const planned = planBookingCancelled({ eventId, data }, known);
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({
      kind: 'booking-cancelled',
      recipientId: visit.patientId,
      recipientRole: 'patient',
      sendAt: '2026-03-08T22:40:00.000Z',
      deadline: '2026-03-10T13:00:00.000Z',
      visit: known.visit,
      calendar: { method: 'CANCEL', sequence: 1 },
    });
    expect(planned[0]?.urgent).toBeFalsy();
  });
});
