import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useAppointmentsTest } from '../testing/appointments-test';
import { bookableProvider } from '../testing/scheduling-test-app';

describe("a booking fits the provider's schedule", () => {
  const t = useAppointmentsTest(new TestNamespace('appt-slot-policy'), bearer);

  it("books only inside the provider's schedule, and a changed schedule never moves a booked visit", async () => {
    const providerId = randomUUID();
    await bookableProvider(t, t.coordinator, providerId, { timeZone: 'America/New_York' });
    t.scheduled.add(providerId);
    const outside = await t.book({
      providerId,
      start: '2031-03-10T09:00:00-04:00',
      end: '2031-03-10T09:45:00-04:00',
    });
    expect(outside).toMatchObject({
      status: 409,
      body: { detail: 'outside-availability: a video visit lasts 30 minutes' },
    });
    const booked = await t.book({ providerId });
    expect(booked.status).toBe(201);

    // The provider now works only afternoons; the morning visit stays where it was.
    await bookableProvider(t, t.coordinator, providerId, {
      timeZone: 'America/New_York',
      weeklyRules: (['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const).map((weekday) => ({
        weekday,
        start: '13:00',
        end: '17:00',
        visitTypes: ['video', 'audio'],
      })),
    });
    const read = await callService(
      t.url,
      'GET',
      `/api/v1/appointments/${booked.body.appointmentId}`,
      t.coordinator,
    );
    expect(read).toMatchObject({
      status: 200,
      body: {
        status: 'booked',
        start: '2031-03-10T09:00:00-04:00',
        end: '2031-03-10T09:30:00-04:00',
      },
    });
    expect(await t.typesOf(booked.body.appointmentId)).toEqual(['AppointmentBooked']);
    // New bookings follow the new rules.
    const morning = await t.book({
      providerId,
      start: '2031-03-11T09:00:00-04:00',
      end: '2031-03-11T09:30:00-04:00',
    });
    expect(morning).toMatchObject({
      status: 409,
      body: { detail: "outside-availability: not within the provider's video hours" },
    });
    const afternoon = await t.book({
      providerId,
      start: '2031-03-11T13:00:00-04:00',
      end: '2031-03-11T13:30:00-04:00',
    });
    expect(afternoon.status).toBe(201);
  });
});
