import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { useAppointmentsTest } from '../testing/appointments-test';
import { bookableProvider, testClock } from '../testing/scheduling-test-app';

describe("record a visit's outcome", () => {
  const t = useAppointmentsTest(new TestNamespace('appt-outcome'), bearer);

  it('records a patient no-show once the visit has started, not before', async () => {
    // The provider's schedule first: set up inside `book`, it could outlast the few seconds
    // before the visit's start, and a start already past is refused.
    const providerId = randomUUID();
    await bookableProvider(t, t.coordinator, providerId);
    t.scheduled.add(providerId);
    const start = t.inMinutes(0.1);
    const booked = await t.book({ providerId, start, end: t.inMinutes(30.1) });
    expect(`${booked.status} ${JSON.stringify(booked.body)}`).toMatch(/^201 /);
    const id = booked.body.appointmentId;
    await sleep(Math.max(0, Date.parse(start) - testClock().getTime()) + 500);
    const noShow = await callService(
      t.url,
      'POST',
      `/api/v1/appointments/${id}/no-show`,
      t.coordinator,
      {
        sessionId: randomUUID(),
        absent: 'patient',
      },
    );
    expect(noShow).toMatchObject({ status: 200, body: { status: 'noshow', noShow: 'patient' } });
    const again = await callService(
      t.url,
      'POST',
      `/api/v1/appointments/${id}/check-in`,
      t.coordinator,
      {
        sessionId: randomUUID(),
      },
    );
    expect(again.status).toBe(409);
  });
});
