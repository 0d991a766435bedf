import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, hostileBodies, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { call } from '../appointments/testing/http-client';
import {
  bookableProvider,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
} from '../appointments/testing/scheduling-test-app';

const OFFERED = 'thc.scheduling.WaitlistSlotOffered.v1';

describe('waitlist over HTTP: a cancellation offers the freed slot to the first match', () => {
  const ns = new TestNamespace('waitlist');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    // Offers are made by the requests here; the poller is tested on its own.
    process.env['SCHEDULING_WAITLIST_POLL_MS'] = '0';
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    ({ app, url } = await startSchedulingApp());
    store = app.get(MongoEventStore);
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterAll(async () => {
    delete process.env['SCHEDULING_WAITLIST_POLL_MS'];
    await app?.close();
    await ns.dispose();
  });

  const clinicId = randomUUID();
  const providerId = randomUUID();

  async function join(body: Record<string, unknown>) {
    const patientId = randomUUID();
    const response = await call(
      url,
      'POST',
      '/api/v1/waitlist',
      await bearer('patient', patientId),
      {
        patientId,
        clinicId,
        visitType: 'video',
        earlierThan: '2031-06-30T00:00:00Z',
        timeZone: 'Europe/London',
        ...body,
      },
    );
    expect(response.status).toBe(201);
    return { patientId, id: (response.body as { waitlistEntryId: string }).waitlistEntryId };
  }

  async function bookAndCancel(start: string, end: string): Promise<void> {
    const booked = await call(url, 'POST', '/api/v1/appointments', coordinator, {
      patientId: randomUUID(),
      providerId,
      clinicId,
      visitType: 'video',
      start,
      end,
      timeZone: 'UTC',
      patientLocation: TEST_PATIENT_LOCATION,
    });
    expect(booked.status).toBe(201);
    const { appointmentId } = booked.body as { appointmentId: string };
    const cancelled = await call(
      url,
      'POST',
      `/api/v1/appointments/${appointmentId}/cancel`,
      coordinator,
      {
        reasonCode: 'patient-request',
      },
    );
    expect(cancelled.status).toBe(200);
  }

  const offersOf = async (entry: { patientId: string; id: string }) => {
    const read = await call(
      url,
      'GET',
      `/api/v1/waitlist/${entry.id}`,
      await bearer('patient', entry.patientId),
    );
    expect(read.status).toBe(200);
    return (read.body as { offers: { start: string; providerId: string; expiresAt: string }[] })
      .offers;
  };

  it('offers each freed slot to the first waiting patient it suits, one open offer each', async () => {
    await bookableProvider({ app, url }, coordinator, providerId);
    const first = await join({ providerId });
    const second = await join({});
    const elsewhere = await join({ clinicId: randomUUID() });
    const tooLate = await join({ earlierThan: '2031-06-01T00:00:00Z' });

    await bookAndCancel('2031-06-10T09:00:00Z', '2031-06-10T09:30:00Z');
    expect(await offersOf(first)).toEqual([
      expect.objectContaining({ providerId, start: '2031-06-10T09:00:00Z' }),
    ]);
    expect(await offersOf(second)).toEqual([]);

    // The first holds an open offer: the next freed slot goes to the second.
    await bookAndCancel('2031-06-11T09:00:00Z', '2031-06-11T09:30:00Z');
    expect(await offersOf(first)).toHaveLength(1);
    expect(await offersOf(second)).toEqual([
      expect.objectContaining({ providerId, start: '2031-06-11T09:00:00Z' }),
    ]);
    expect(await offersOf(elsewhere)).toEqual([]);
    expect(await offersOf(tooLate)).toEqual([]);
    expect(await store.model.countDocuments({ type: OFFERED })).toBe(2);
  });

  it('lets a patient read only their own entry, and records the read as PhiAccessed', async () => {
    const entry = await join({});
    const other = await call(
      url,
      'GET',
      `/api/v1/waitlist/${entry.id}`,
      await bearer('patient', randomUUID()),
    );
    expect(other.status).toBe(403);
    expect((await call(url, 'GET', `/api/v1/waitlist/${entry.id}`, coordinator)).status).toBe(200);
    const accesses = await store.load(`phi-access-${entry.patientId}`);
    expect(accesses.length).toBeGreaterThanOrEqual(1);
    const forOther = await call(
      url,
      'POST',
      '/api/v1/waitlist',
      await bearer('patient', randomUUID()),
      {
        patientId: randomUUID(),
        clinicId,
        visitType: 'video',
        earlierThan: '2031-06-30T00:00:00Z',
        timeZone: 'Europe/London',
      },
    );
    expect(forOther.status).toBe(403);
  });

  it('answers every hostile waitlist body with 400 problem+json and writes nothing', async () => {
    const valid = {
      patientId: randomUUID(),
      clinicId,
      providerId,
      visitType: 'audio',
      earlierThan: '2031-06-30T09:00:00+01:00',
      timeZone: 'Europe/London',
    };
    const before = await store.model.countDocuments();
    const bodies = hostileBodies(valid);
    expect(bodies.length).toBeGreaterThanOrEqual(20);
    for (const { label, body } of bodies) {
      const response = await call(url, 'POST', '/api/v1/waitlist', coordinator, body);
      expect({ label, status: response.status }).toEqual({ label, status: 400 });
      expect(response.type).toContain('application/problem+json');
    }
    expect(await store.model.countDocuments()).toBe(before);
    expect((await call(url, 'POST', '/api/v1/waitlist', coordinator, valid)).status).toBe(201);
  });

  it('answers every hostile leave body and id with 400 problem+json and writes nothing', async () => {
    const entry = await join({});
    const before = await store.model.countDocuments();
    const leave = (id: string, body: unknown) =>
      call(url, 'POST', `/api/v1/waitlist/${id}/leave`, coordinator, body);
    const bodies = hostileBodies({ reasonCode: 'no-longer-needed' });
    expect(bodies.length).toBeGreaterThanOrEqual(20);
    for (const { label, body } of [
      ...bodies,
      { label: 'unknown reason code', body: { reasonCode: 'bored' } },
      { label: 'no reason code', body: {} },
    ]) {
      const response = await leave(entry.id, body);
      expect({ label, status: response.status }).toEqual({ label, status: 400 });
      expect(response.type).toContain('application/problem+json');
    }
    for (const id of ['not-a-uuid', `${entry.id}x`, '%24where'])
      expect((await leave(id, { reasonCode: 'other' })).status).toBe(400);
    expect(await store.model.countDocuments()).toBe(before);
    expect((await leave(entry.id, { reasonCode: 'no-longer-needed' })).status).toBe(200);
  });
});
