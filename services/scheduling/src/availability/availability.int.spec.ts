import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { MongoEventStore, EventStoreModule } from '@thc/event-store';
import { KafkaModule } from '@thc/messaging';
import { ClockModule, createServiceApp, PlatformModule } from '@thc/service-runtime';
import { bearer, expectValidFhir, hostileBodies, TestNamespace, walkRoutes } from '@thc/testing';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { serviceIdentity } from '../service.identity';
import { AvailabilityModule } from './availability.module';
import { BOOKED_TIME_READER, BookedInterval, BookedTimeReader } from './availability.port';

/** The appointments part's reader, played by an array. */
const bookings: (BookedInterval & { providerId: string })[] = [];
const arrayReader: BookedTimeReader = {
  bookedIntervals: async (providerId, from, to) =>
    bookings.filter((b) => b.providerId === providerId && b.start < to && b.end > from),
};

@Module({ providers: [{ provide: BOOKED_TIME_READER, useValue: arrayReader }] })
class BookedTimeStandIn {}

@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    BookedTimeStandIn,
    ClockModule.use(),
    AvailabilityModule,
  ],
})
class AvailabilityTestApp {}

const zone = 'America/New_York';
// Three days ahead, on the provider's calendar: inside notice and horizon whenever this runs.
const day = DateTime.now().setZone(zone).plus({ days: 3 }).startOf('day');
const providerId = randomUUID();
const clinicId = randomUUID();
const coordinatorId = randomUUID();

const validBody = {
  clinicId,
  departmentId: randomUUID(),
  timeZone: zone,
  slotMinutes: { video: 30, audio: 20 },
  bufferMinutes: { before: 0, after: 10 },
  minimumNoticeMinutes: 60,
  bookingHorizonDays: 60,
  dailyMaxVisits: 10,
  weeklyRules: (['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const).map((weekday) => ({
    weekday,
    start: '09:00',
    end: '12:00',
    visitTypes: ['video', 'audio'],
  })),
  exceptions: [{ kind: 'closed', date: day.plus({ days: 1 }).toISODate() }],
  effectiveFrom: DateTime.now().setZone(zone).toISODate(),
};

interface SlotsResponse {
  slots: { providerId: string; start: string; localStart: string; timeZone: string }[];
  providerIds?: string[];
}

describe('availability over HTTP', () => {
  const ns = new TestNamespace('availability');
  let app: NestExpressApplication;
  let base: string;
  let store: MongoEventStore;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    app = await createServiceApp(AvailabilityTestApp, serviceIdentity, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    store = app.get(MongoEventStore);
  });

  afterAll(async () => {
    await app.close();
    await ns.dispose();
  });

  const put = async (body: unknown, headers: Record<string, string>, id = providerId) =>
    fetch(`${base}/api/v1/providers/${id}/schedule`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const get = async (path: string, headers: Record<string, string>) =>
    fetch(`${base}${path}`, { headers });
  const range = (from: DateTime, to: DateTime) =>
    `from=${encodeURIComponent(from.toISO() ?? '')}&to=${encodeURIComponent(to.toISO() ?? '')}`;
  const dayRange = range(day, day.plus({ days: 1 }));

  it('every route declares who may call it', () => {
    expect(walkRoutes(app).filter((route) => !route.policy)).toEqual([]);
  });

  it('a coordinator defines a schedule; saving the same rules again appends nothing', async () => {
    const coordinator = await bearer('coordinator', coordinatorId);
    const first = await put(validBody, coordinator);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ providerId, version: 1, changed: true });
    const again = await put(validBody, coordinator);
    expect(await again.json()).toEqual({ providerId, version: 1, changed: false });
  });

  it('the provider reads their own schedule, not another provider', async () => {
    const own = await get(
      `/api/v1/providers/${providerId}/schedule`,
      await bearer('provider', providerId),
    );
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({
      version: 1,
      rules: { timeZone: zone, dailyMaxVisits: 10 },
    });
    const other = await get(
      `/api/v1/providers/${providerId}/schedule`,
      await bearer('provider', randomUUID()),
    );
    expect(other.status).toBe(403);
  });

  it('a patient searches slots rendered in another zone; booked time and closed days are left out', async () => {
    const patient = await bearer('patient', randomUUID());
    const path = `/api/v1/providers/${providerId}/slots?${range(day, day.plus({ days: 2 }))}&timeZone=Asia/Kolkata`;
    const before = (await (await get(path, patient)).json()) as SlotsResponse;
    // 09:00-12:00 with 30-minute visits and 10 minutes after each: 4 slots; the next day is closed.
    expect(before.slots).toHaveLength(4);
    for (const slot of before.slots) {
      expect(slot.localStart).toMatch(/\+05:30$/);
      expect(Date.parse(slot.localStart)).toBe(Date.parse(slot.start));
    }
    expect(DateTime.fromISO(before.slots[0]!.start, { zone }).toFormat('HH:mm')).toBe('09:00');

    const taken = before.slots[1]!;
    bookings.push({
      providerId,
      appointmentId: randomUUID(),
      start: new Date(taken.start),
      end: new Date(Date.parse(taken.start) + 30 * 60_000),
    });
    const after = (await (await get(path, patient)).json()) as SlotsResponse;
    expect(after.slots.map((s) => s.start)).toEqual(
      before.slots.filter((s) => s !== taken).map((s) => s.start),
    );
  });

  it('a clinic search lists the providers scheduled there', async () => {
    const response = await get(
      `/api/v1/clinics/${clinicId}/slots?${dayRange}`,
      await bearer('coordinator'),
    );
    const body = (await response.json()) as SlotsResponse;
    expect(body.providerIds).toEqual([providerId]);
    expect(body.slots.every((slot) => slot.providerId === providerId)).toBe(true);
    expect(body.slots).toHaveLength(3);
  });

  it('serves FHIR R4 Schedule and a searchset of Slots (checked by the R4 validator)', async () => {
    const patient = await bearer('patient', randomUUID());
    const schedule = await get(`/fhir/Schedule/${providerId}`, patient);
    expect(schedule.headers.get('content-type')).toContain('application/fhir+json');
    const resource = (await schedule.json()) as unknown;
    expectValidFhir(resource);

    const search = await get(
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

  describe('refusals', () => {
    it('401 without a token', async () => {
      expect((await put(validBody, {})).status).toBe(401);
    });

    it('403 for a patient defining a schedule', async () => {
      expect((await put(validBody, await bearer('patient', randomUUID()))).status).toBe(403);
    });

    test.each([
      ['a range over 31 days', range(day, day.plus({ days: 40 })), 'to'],
      ['a range ending before it starts', range(day, day.minus({ days: 1 })), 'to'],
      ['an unknown zone', `${dayRange}&timeZone=Mars/Olympus`, 'timeZone'],
      ['a time without a zone', 'from=2026-03-09T09:00:00&to=2026-03-10T09:00:00Z', 'from'],
    ])('400 naming the parameter for %s', async (_, query, name) => {
      const response = await get(
        `/api/v1/providers/${providerId}/slots?${query}`,
        await bearer('patient'),
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        'invalid-params': [expect.objectContaining({ name })],
      });
    });

    it('400 naming the rule for overlapping windows', async () => {
      const overlapping = {
        ...validBody,
        weeklyRules: [
          { weekday: 'MO', start: '09:00', end: '12:00', visitTypes: ['video'] },
          { weekday: 'MO', start: '11:00', end: '13:00', visitTypes: ['audio'] },
        ],
      };
      const response = await put(overlapping, await bearer('coordinator', coordinatorId));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        'invalid-params': [
          {
            name: 'weeklyRules[1]',
            reason: expect.stringContaining('overlaps weeklyRules[0]') as string,
          },
        ],
      });
    });

    it('answers every hostile body with 400 problem+json and stores no event', async () => {
      const bodies = hostileBodies(validBody);
      expect(bodies.length).toBeGreaterThanOrEqual(50);
      const headers = await bearer('coordinator', coordinatorId);
      const eventsBefore = await store.model.countDocuments();
      const outcomes = await Promise.all(
        bodies.map(async ({ label, body }) => {
          const response = await put(body, headers, randomUUID());
          return { label, status: response.status, type: response.headers.get('content-type') };
        }),
      );
      expect(outcomes.filter((o) => o.status !== 400 || !o.type?.includes('problem+json'))).toEqual(
        [],
      );
      expect(await store.model.countDocuments()).toBe(eventsBefore);
    });
  });
});
