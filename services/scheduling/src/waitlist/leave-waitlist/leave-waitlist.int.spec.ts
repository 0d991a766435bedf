import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { call } from '../../appointments/testing/http-client';
import {
  bookableProvider,
  startSchedulingApp,
} from '../../appointments/testing/scheduling-test-app';
import { bookVisit, cancelVisit, joinWaitlist, readEntry } from '../testing/waitlist-calls';

const LEFT = 'thc.scheduling.WaitlistLeft.v1';

describe('leaving the waitlist over HTTP', () => {
  const ns = new TestNamespace('waitlist-leave');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let coordinator: Record<string, string>;
  const clinicId = randomUUID();
  const providerId = randomUUID();

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['SCHEDULING_WAITLIST_POLL_MS'] = '0';
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    ({ app, url } = await startSchedulingApp());
    store = app.get(MongoEventStore);
    coordinator = await bearer('coordinator', randomUUID());
    await bookableProvider({ app, url }, coordinator, providerId);
  });

  afterAll(async () => {
    delete process.env['SCHEDULING_WAITLIST_POLL_MS'];
    await app?.close();
    await ns.dispose();
  });

  const leave = async (id: string, headers: Record<string, string>, reasonCode = 'other') =>
    call(url, 'POST', `/api/v1/waitlist/${id}/leave`, headers, { reasonCode });

  async function freeSlot(start: string, end: string): Promise<void> {
    const appointmentId = await bookVisit(url, coordinator, { providerId, clinicId, start, end });
    expect((await cancelVisit(url, coordinator, appointmentId)).status).toBe(200);
  }

  it('lets the patient leave, records WaitlistLeft and PhiAccessed, and refuses a second leave', async () => {
    const entry = await joinWaitlist(url, bearer, clinicId, {
      earlierThan: '2031-02-01T00:00:00Z',
    });
    const own = await bearer('patient', entry.patientId);
    const accessesBefore = (await store.load(`phi-access-${entry.patientId}`)).length;

    const left = await leave(entry.id, own, 'booked-elsewhere');
    expect(left).toMatchObject({
      status: 200,
      body: { waitlistEntryId: entry.id, status: 'left', leftAt: expect.any(String) },
    });
    const events = await store.load(`waitlist-entry-${entry.id}`);
    expect(events.map((e) => e.type)).toEqual(['thc.scheduling.WaitlistJoined.v1', LEFT]);
    expect(events[1]?.data).toMatchObject({
      reasonCode: 'booked-elsewhere',
      leftBy: { kind: 'user', userId: entry.patientId, role: 'patient' },
    });
    expect((await store.load(`phi-access-${entry.patientId}`)).length).toBeGreaterThan(
      accessesBefore,
    );
    expect((await readEntry(url, bearer, entry)).status).toBe('left');

    const again = await leave(entry.id, own);
    expect(again).toMatchObject({
      status: 409,
      type: expect.stringContaining('application/problem+json'),
      body: { detail: 'this waitlist entry has left the list' },
    });
    expect(await store.model.countDocuments({ streamId: `waitlist-entry-${entry.id}` })).toBe(2);
  });

  it('answers 404 for an unknown entry, 403 for another patient or a provider, and lets staff leave for the patient', async () => {
    expect((await leave(randomUUID(), coordinator)).status).toBe(404);
    const entry = await joinWaitlist(url, bearer, clinicId, {
      earlierThan: '2031-02-01T00:00:00Z',
    });
    expect((await leave(entry.id, await bearer('patient', randomUUID()))).status).toBe(403);
    expect((await leave(entry.id, await bearer('provider', providerId))).status).toBe(403);
    expect((await readEntry(url, bearer, entry)).status).toBe('waiting');
    const byStaff = await leave(entry.id, await bearer('admin', randomUUID()));
    expect(byStaff).toMatchObject({ status: 200, body: { status: 'left' } });
  });

  it('never offers a slot to a left entry, and passes an offer it held on at once', async () => {
    const window = { earlierThan: '2031-06-20T00:00:00Z', providerId };
    const leaver = await joinWaitlist(url, bearer, clinicId, window);
    const holder = await joinWaitlist(url, bearer, clinicId, window);
    const next = await joinWaitlist(url, bearer, clinicId, window);
    expect((await leave(leaver.id, coordinator)).status).toBe(200);

    // The first entry left: the slot goes to the second.
    await freeSlot('2031-06-12T09:00:00Z', '2031-06-12T09:30:00Z');
    expect((await readEntry(url, bearer, leaver)).offers).toEqual([]);
    expect((await readEntry(url, bearer, holder)).offers).toEqual([
      expect.objectContaining({ start: '2031-06-12T09:00:00Z' }),
    ]);
    expect((await readEntry(url, bearer, next)).offers).toEqual([]);

    // The second leaves holding it: the third gets it now, not an hour later.
    expect((await leave(holder.id, await bearer('patient', holder.patientId))).status).toBe(200);
    expect((await readEntry(url, bearer, next)).offers).toEqual([
      expect.objectContaining({ start: '2031-06-12T09:00:00Z' }),
    ]);
    expect((await readEntry(url, bearer, leaver)).offers).toEqual([]);
    const holderEvents = await store.load(`waitlist-entry-${holder.id}`);
    expect(holderEvents.map((e) => e.type.split('.')[2])).toEqual([
      'WaitlistJoined',
      'WaitlistSlotOffered',
      'WaitlistLeft',
    ]);
  });
});
