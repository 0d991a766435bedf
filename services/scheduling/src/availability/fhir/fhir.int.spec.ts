import { TestNamespace, bearer, expectValidFhir } from '@thc/testing';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { BookingLedger } from '../../booking-ledger/booking-ledger';
import { startAvailabilityApp, zone } from '../testing/availability-test-app';

describe('FHIR Schedule and Slot', () => {
  const day = DateTime.now().setZone(zone).plus({ days: 3 }).startOf('day');
  let availability: Awaited<ReturnType<typeof startAvailabilityApp>>;
  let providerId: string;

  beforeAll(async () => {
    availability = await startAvailabilityApp(
      new TestNamespace('fhir-slots'),
      await bearer('coordinator', randomUUID()),
    );
    providerId = await availability.scheduled(day, randomUUID());
    // The second slot of the day (09:40, after the first visit and its buffer) is booked.
    const visitStart = day.set({ hour: 9, minute: 40 });
    await availability.app.get(BookingLedger).claim(
      { kind: 'provider', id: providerId },
      {
        appointmentId: randomUUID(),
        visitStart: visitStart.toUTC().toISO() ?? '',
        visitEnd: visitStart.plus({ minutes: 30 }).toUTC().toISO() ?? '',
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
      },
      new Date(),
    );
  });

  afterAll(async () => {
    await availability?.stop();
  });

  it('serves FHIR R4 Schedule and a searchset of Slots (checked by the R4 validator)', async () => {
    const patient = await bearer('patient', randomUUID());
    const schedule = await availability.get(`/fhir/Schedule/${providerId}`, patient);
    expect(schedule.headers.get('content-type')).toContain('application/fhir+json');
    expectValidFhir((await schedule.json()) as unknown);

    const search = await availability.get(
      `/fhir/Slot?schedule=${providerId}&start=${day.toISODate()}&service-type=video`,
      patient,
    );
    const bundle = (await search.json()) as {
      entry: { resource: { status: string; start: string } }[];
    };
    expectValidFhir(bundle);
    expect(bundle.entry.map((e) => e.resource.status)).toEqual(['free', 'busy', 'free', 'free']);
    expect(bundle.entry[0]!.resource.start).toMatch(/T09:00:00-0[45]:00$/);
  });
});
