import { MongoEventStore } from '@thc/event-store';
import { TestNamespace, bearer, hostileBodies, walkRoutes } from '@thc/testing';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { scheduleExample, startAvailabilityApp, zone } from '../testing/availability-test-app';

describe('define a provider schedule', () => {
  const day = DateTime.now().setZone(zone).plus({ days: 3 }).startOf('day');
  const providerId = randomUUID();
  const body = scheduleExample(day, randomUUID());
  let availability: Awaited<ReturnType<typeof startAvailabilityApp>>;

  beforeAll(async () => {
    availability = await startAvailabilityApp(
      new TestNamespace('define-schedule'),
      await bearer('coordinator'),
    );
  });

  afterAll(async () => {
    await availability?.stop();
  });

  it('every route declares who may call it', () => {
    expect(walkRoutes(availability.app).filter((route) => !route.policy)).toEqual([]);
  });

  it('a coordinator defines a schedule; saving the same rules again appends nothing', async () => {
    const coordinator = await bearer('coordinator', randomUUID());
    const first = await availability.put(body, coordinator, providerId);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ providerId, version: 1, changed: true });
    const again = await availability.put(body, coordinator, providerId);
    expect(await again.json()).toEqual({ providerId, version: 1, changed: false });
  });

  it('the provider reads their own schedule, not another provider', async () => {
    const path = `/api/v1/providers/${providerId}/schedule`;
    const own = await availability.get(path, await bearer('provider', providerId));
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({
      version: 1,
      rules: { timeZone: zone, dailyMaxVisits: 10 },
    });
    const other = await availability.get(path, await bearer('provider', randomUUID()));
    expect(other.status).toBe(403);
  });

  it('401 without a token, 403 for a patient', async () => {
    expect((await availability.put(body, {}, providerId)).status).toBe(401);
    const patient = await bearer('patient', randomUUID());
    expect((await availability.put(body, patient, providerId)).status).toBe(403);
  });

  it('400 naming the rule for overlapping windows', async () => {
    const overlapping = {
      ...body,
      weeklyRules: [
        { weekday: 'MO', start: '09:00', end: '12:00', visitTypes: ['video'] },
        { weekday: 'MO', start: '11:00', end: '13:00', visitTypes: ['audio'] },
      ],
    };
    const response = await availability.put(overlapping, await bearer('coordinator'), providerId);
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
    const store = availability.app.get(MongoEventStore);
    const bodies = hostileBodies(body);
    expect(bodies.length).toBeGreaterThanOrEqual(50);
    const headers = await bearer('coordinator', randomUUID());
    const eventsBefore = await store.model.countDocuments();
    const outcomes = await Promise.all(
      bodies.map(async ({ label, body: hostile }) => {
        const response = await availability.put(hostile, headers, randomUUID());
        return { label, status: response.status, type: response.headers.get('content-type') };
      }),
    );
    expect(outcomes.filter((o) => o.status !== 400 || !o.type?.includes('problem+json'))).toEqual(
      [],
    );
    expect(await store.model.countDocuments()).toBe(eventsBefore);
  });
});
