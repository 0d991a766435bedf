import { Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule, MongoEventStore } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import { ClockModule, IdsModule, createServiceApp, PlatformModule } from '@thc/service-runtime';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { AppointmentsModule } from '../../appointments/appointments.module';
import {
  bookableProvider,
  startSchedulingApp,
  testClock,
} from '../../appointments/testing/scheduling-test-app';
import { serviceIdentity } from '../../service.identity';
import { FreedSlotHandler } from '../freed-slot.handler';
import { FreedSlots } from '../freed-slots.projection';
import { WaitlistRecoveryModule } from '../waitlist-recovery.module';
import { bookVisit, cancelVisit, joinWaitlist, readEntry } from '../testing/waitlist-calls';
import { WaitlistOffers } from '../waitlist-offers';

const CANCELLED = 'thc.scheduling.AppointmentCancelled.v1';
const OFFERED = 'thc.scheduling.WaitlistSlotOffered.v1';

/** The service as AppModule wires it (relay and recovery included), on the tests' clock. */
@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    OutboxRelayModule.forService({ source: '/thc/scheduling', topic: TOPICS.scheduling }),
    ClockModule.use(testClock),
    IdsModule.use(),
    AppointmentsModule,
    WaitlistRecoveryModule,
  ],
})
class RecoveringSchedulingModule {}

async function startRecoveringApp(): Promise<{ app: NestExpressApplication; url: string }> {
  const app = await createServiceApp(RecoveringSchedulingModule, serviceIdentity, {
    logger: ['error'],
  });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('a process that dies between a cancellation and its offer', () => {
  const ns = new TestNamespace('waitlist-crash');
  let app: NestExpressApplication | undefined;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['SCHEDULING_WAITLIST_POLL_MS'] = '0';
    await ns.createTopics(
      [TOPICS.training, TOPICS.sessions, TOPICS.scheduling, TOPICS.compliance].map((t) =>
        ns.topic(t),
      ),
    );
  });

  afterAll(async () => {
    delete process.env['SCHEDULING_WAITLIST_POLL_MS'];
    await app?.close();
    await ns.dispose();
  });

  it('still offers the freed slot, once, from the stored cancellation', async () => {
    // The instance that dies: no relay and no recovery, so nothing it stores reaches Kafka
    // before it is gone.
    const dying = await startSchedulingApp();
    const coordinator = await bearer('coordinator', randomUUID());
    const clinicId = randomUUID();
    const providerId = randomUUID();
    await bookableProvider(dying, coordinator, providerId);
    const entry = await joinWaitlist(dying.url, bearer, clinicId, { providerId });
    const slot = {
      providerId,
      clinicId,
      start: '2031-06-10T09:00:00Z',
      end: '2031-06-10T09:30:00Z',
    };
    const appointmentId = await bookVisit(dying.url, coordinator, slot);

    // The cancellation is stored, then the process "dies" where the offer would be made.
    jest
      .spyOn(dying.app.get(WaitlistOffers), 'offerQuietly')
      .mockRejectedValue(new Error('killed before the offer'));
    expect((await cancelVisit(dying.url, coordinator, appointmentId)).status).toBe(500);
    const store = dying.app.get(MongoEventStore);
    expect(await store.model.countDocuments({ type: CANCELLED })).toBe(1);
    expect(await store.model.countDocuments({ type: OFFERED })).toBe(0);
    await dying.app.close();

    // The next instance relays the stored cancellation and its consumer makes the offer.
    const next = await startRecoveringApp();
    app = next.app;
    const nextStore = next.app.get(MongoEventStore);
    await eventually(
      async () => expect(await nextStore.model.countDocuments({ type: OFFERED })).toBe(1),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect((await readEntry(next.url, bearer, entry)).offers).toEqual([
      expect.objectContaining({ providerId, start: slot.start }),
    ]);

    // A redelivery, the fast path run late, and a poller's round: still the one offer.
    const { start, end } = slot;
    const freed = {
      providerId,
      clinicId,
      visitType: 'video',
      start,
      end,
      timeZone: 'UTC',
    } as const;
    await next.app.get(WaitlistOffers).offerFreedSlot(appointmentId, freed, testClock());
    const now = testClock();
    for (const due of await next.app.get(FreedSlots).due(now))
      await next.app.get(FreedSlotHandler).advance(due, now);
    expect(await nextStore.model.countDocuments({ type: OFFERED })).toBe(1);
  });
});
