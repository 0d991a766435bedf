import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  bookableProvider,
  startSchedulingApp,
  testClock,
} from '../../appointments/testing/scheduling-test-app';
import { FreedSlots } from '../freed-slots.projection';
import { bookVisit, cancelVisit, joinWaitlist, readEntry } from '../testing/waitlist-calls';
import { WaitlistOfferScheduler } from './waitlist-offer.scheduler';

const OFFERED = 'thc.scheduling.WaitlistSlotOffered.v1';
const EXPIRED = 'thc.scheduling.WaitlistOfferExpired.v1';
const MINUTE = 60_000;

describe('expired waitlist offers pass on: exactly once, two instances and a restart', () => {
  const ns = new TestNamespace('waitlist-expiry');
  // Both instances read one clock the test moves forward.
  let skew = 0;
  const clock = () => new Date(testClock().getTime() + skew);
  type Instance = { app: NestExpressApplication; url: string };
  let first: Instance;
  let second: Instance;
  let store: MongoEventStore;
  let coordinator: Record<string, string>;
  const clinicId = randomUUID();
  const providerId = randomUUID();

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    // Rounds are run by the test, on both instances at once, so the race is certain.
    process.env['SCHEDULING_WAITLIST_POLL_MS'] = '0';
    process.env['SCHEDULING_WAITLIST_OFFER_MINUTES'] = '30';
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    first = await startSchedulingApp({ clock });
    second = await startSchedulingApp({ clock });
    // The second instance stays up throughout: the test reads the store through it.
    store = second.app.get(MongoEventStore);
    coordinator = await bearer('coordinator', randomUUID());
    await bookableProvider(first, coordinator, providerId);
  });

  afterAll(async () => {
    delete process.env['SCHEDULING_WAITLIST_POLL_MS'];
    delete process.env['SCHEDULING_WAITLIST_OFFER_MINUTES'];
    await Promise.all([first?.app.close(), second?.app.close()]);
    await ns.dispose();
  });

  /** One round on each instance, at the same time; answers how many slots were due. */
  const roundOnBoth = async () =>
    (
      await Promise.all([first, second].map((i) => i.app.get(WaitlistOfferScheduler).runOnce()))
    ).reduce((a, b) => a + b, 0);
  const count = (type: string) => store.model.countDocuments({ type });

  it('records each expiry once, offers the slot once to each next patient, and stops when it is booked', async () => {
    const wanted = { providerId, earlierThan: '2031-06-30T00:00:00Z' };
    const a = await joinWaitlist(first.url, bearer, clinicId, wanted);
    const b = await joinWaitlist(first.url, bearer, clinicId, wanted);
    const c = await joinWaitlist(first.url, bearer, clinicId, wanted);
    const slot = {
      providerId,
      clinicId,
      start: '2031-06-10T09:00:00Z',
      end: '2031-06-10T09:30:00Z',
    };
    const freedBy = await bookVisit(first.url, coordinator, slot);
    expect((await cancelVisit(second.url, coordinator, freedBy)).status).toBe(200);

    // The cancellation offered the slot to A; nothing is due while A's offer is open.
    expect((await readEntry(first.url, bearer, a)).offers).toEqual([
      expect.objectContaining({ start: slot.start }),
    ]);
    await roundOnBoth();
    expect([await count(OFFERED), await count(EXPIRED)]).toEqual([1, 0]);

    // A let it run out: both instances see it at once; it expires once and goes to B once.
    skew += 31 * MINUTE;
    expect(await roundOnBoth()).toBeGreaterThanOrEqual(1);
    expect([await count(OFFERED), await count(EXPIRED)]).toEqual([2, 1]);
    expect((await readEntry(first.url, bearer, a)).offers).toEqual([
      expect.objectContaining({ start: slot.start, expiredAt: expect.any(String) }),
    ]);
    expect((await readEntry(first.url, bearer, b)).offers).toEqual([
      expect.objectContaining({ start: slot.start }),
    ]);

    // A restart, then both again: nothing new.
    await first.app.close();
    first = await startSchedulingApp({ clock });
    await roundOnBoth();
    await roundOnBoth();
    expect([await count(OFFERED), await count(EXPIRED)]).toEqual([2, 1]);

    // B books the offered slot: once B's offer is over, the slot is fulfilled, not passed on.
    await bookVisit(first.url, await bearer('patient', b.patientId), slot, b.patientId);
    skew += 31 * MINUTE;
    await roundOnBoth();
    await roundOnBoth();
    expect([await count(OFFERED), await count(EXPIRED)]).toEqual([2, 1]);
    expect((await readEntry(first.url, bearer, b)).offers[0]?.expiredAt).toBeUndefined();
    expect((await readEntry(first.url, bearer, c)).offers).toEqual([]);
    expect(await first.app.get(FreedSlots).due(new Date('2099-01-01T00:00:00Z'))).toEqual([]);
  });

  it('passes a slot down the whole list and stops when nobody is left', async () => {
    const clinic = randomUUID();
    const other = randomUUID();
    await bookableProvider(first, coordinator, other);
    const wanted = { providerId: other, earlierThan: '2031-06-30T00:00:00Z' };
    const entries = [
      await joinWaitlist(first.url, bearer, clinic, wanted),
      await joinWaitlist(first.url, bearer, clinic, wanted),
    ];
    const slot = {
      providerId: other,
      clinicId: clinic,
      start: '2031-06-11T09:00:00Z',
      end: '2031-06-11T09:30:00Z',
    };
    const before = [await count(OFFERED), await count(EXPIRED)];
    expect(
      (await cancelVisit(first.url, coordinator, await bookVisit(first.url, coordinator, slot)))
        .status,
    ).toBe(200);
    for (let i = 0; i < 3; i++) {
      skew += 31 * MINUTE;
      await roundOnBoth();
    }
    expect([(await count(OFFERED)) - before[0]!, (await count(EXPIRED)) - before[1]!]).toEqual([
      2, 2,
    ]);
    for (const entry of entries) {
      expect((await readEntry(first.url, bearer, entry)).offers).toEqual([
        expect.objectContaining({ start: slot.start, expiredAt: expect.any(String) }),
      ]);
    }
    expect(await first.app.get(FreedSlots).due(new Date('2099-01-01T00:00:00Z'))).toEqual([]);
  });
});
