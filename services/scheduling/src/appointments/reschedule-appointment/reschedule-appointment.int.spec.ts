import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useAppointmentsTest } from '../testing/appointments-test';

describe('reschedule an appointment', () => {
  const t = useAppointmentsTest(new TestNamespace('appt-reschedule'), bearer);

  it('reschedules keeping the history, checks in, completes; then refuses a cancel with 409', async () => {
    const booked = await t.book();
    const id = booked.body.appointmentId;
    const provider = await bearer('provider', booked.body.providerId);
    const moved = await callService(
      t.url,
      'POST',
      `/api/v1/appointments/${id}/reschedule`,
      provider,
      {
        providerId: booked.body.providerId,
        start: '2031-03-11T10:00:00-04:00',
        end: '2031-03-11T10:30:00-04:00',
        timeZone: 'America/New_York',
      },
    );
    expect(moved).toMatchObject({
      status: 200,
      body: {
        start: '2031-03-11T10:00:00-04:00',
        history: [{ start: '2031-03-10T09:00:00-04:00', end: '2031-03-10T09:30:00-04:00' }],
      },
    });
    // The old time is free again for someone else.
    expect((await t.book({ providerId: booked.body.providerId })).status).toBe(201);

    const sessionId = randomUUID();
    const checkIn = await callService(
      t.url,
      'POST',
      `/api/v1/appointments/${id}/check-in`,
      provider,
      {
        sessionId,
      },
    );
    expect(checkIn).toMatchObject({ status: 200, body: { status: 'arrived', sessionId } });
    const done = await callService(t.url, 'POST', `/api/v1/appointments/${id}/complete`, provider, {
      sessionId,
      startedAt: t.inMinutes(-30),
      endedAt: t.inMinutes(-1),
    });
    expect(done).toMatchObject({ status: 200, body: { status: 'fulfilled' } });
    const cancel = await callService(
      t.url,
      'POST',
      `/api/v1/appointments/${id}/cancel`,
      t.coordinator,
      {
        reasonCode: 'other',
      },
    );
    expect(cancel).toMatchObject({
      status: 409,
      type: expect.stringContaining('application/problem+json'),
      body: { detail: 'cannot cancel an appointment whose status is fulfilled' },
    });
    expect(await t.typesOf(id)).toEqual([
      'AppointmentBooked',
      'AppointmentRescheduled',
      'AppointmentCheckedIn',
      'AppointmentCompleted',
    ]);
  });
});
