import { TestNamespace, bearer } from '@thc/testing';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { BookingLedger } from '../../booking-ledger/booking-ledger';
import { range, startAvailabilityApp, zone } from '../testing/availability-test-app';

interface SlotsResponse {
  slots: { providerId: string; start: string; localStart: string; timeZone: string }[];
  providerIds?: string[];
}

describe('search slots', () => {
  // Three days ahead, on the provider's calendar: inside notice and horizon whenever this runs.
  const day = DateTime.now().setZone(zone).plus({ days: 3 }).startOf('day');
  const dayRange = range(day, day.plus({ days: 1 }));
  const clinicId = randomUUID();
  let availability: Awaited<ReturnType<typeof startAvailabilityApp>>;
  let providerId: string;

  beforeAll(async () => {
    availability = await startAvailabilityApp(
      new TestNamespace('search-slots'),
      await bearer('coordinator', randomUUID()),
    );
    providerId = await availability.scheduled(day, clinicId);
  });

  afterAll(async () => {
    await availability?.stop();
  });

  const slotsOf = async (path: string, headers: Record<string, string>) =>
    (await (await availability.get(path, headers)).json()) as SlotsResponse;

  it('a patient searches slots rendered in another zone; booked time and closed days are left out', async () => {
    const patient = await bearer('patient', randomUUID());
    const path = `/api/v1/providers/${providerId}/slots?${range(day, day.plus({ days: 2 }))}&timeZone=Asia/Kolkata`;
    const before = await slotsOf(path, patient);
    // 09:00-12:00 with 30-minute visits and 10 minutes after each: 4 slots; the next day is closed.
    expect(before.slots).toHaveLength(4);
    for (const slot of before.slots) {
      expect(slot.localStart).toMatch(/\+05:30$/);
      expect(Date.parse(slot.localStart)).toBe(Date.parse(slot.start));
    }
    expect(DateTime.fromISO(before.slots[0]!.start, { zone }).toFormat('HH:mm')).toBe('09:00');

    // The second slot's time held in the provider's ledger, as a booking holds it.
    const taken = before.slots[1]!;
    const visitEnd = new Date(Date.parse(taken.start) + 30 * 60_000).toISOString();
    await availability.app.get(BookingLedger).claim(
      { kind: 'provider', id: providerId },
      {
        appointmentId: randomUUID(),
        visitStart: taken.start,
        visitEnd,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
      },
      new Date(),
    );
    const after = await slotsOf(path, patient);
    expect(after.slots.map((s) => s.start)).toEqual(
      before.slots.filter((s) => s !== taken).map((s) => s.start),
    );
  });

  it('a clinic search lists the providers scheduled there', async () => {
    const body = await slotsOf(
      `/api/v1/clinics/${clinicId}/slots?${dayRange}`,
      await bearer('coordinator', randomUUID()),
    );
    expect(body.providerIds).toEqual([providerId]);
    expect(body.slots.every((slot) => slot.providerId === providerId)).toBe(true);
    expect(body.slots).toHaveLength(3);
  });

  test.each([
    ['a range over 31 days', () => range(day, day.plus({ days: 40 })), 'to'],
    ['a range ending before it starts', () => range(day, day.minus({ days: 1 })), 'to'],
    ['an unknown zone', () => `${dayRange}&timeZone=Mars/Olympus`, 'timeZone'],
    ['a time without a zone', () => 'from=2026-03-09T09:00:00&to=2026-03-10T09:00:00Z', 'from'],
  ])('400 naming the parameter for %s', async (_, query, name) => {
    const response = await availability.get(
      `/api/v1/providers/${providerId}/slots?${query()}`,
      await bearer('patient'),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      'invalid-params': [expect.objectContaining({ name })],
    });
  });
});
