import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { MovableClock } from '../testing/movable-clock';
import { call, startTrainingApp } from '../testing/training-test-app';
import { ExpiryCheck } from './expiry-check';

const LAPSED = 'thc.training.StaffCredentialLapsed.v1';
const EXPIRED = 'thc.training.CertificationExpired.v1';
const WARNING = 'thc.training.CredentialExpiryWarning.v1';
const DAY_MS = 86_400_000;

describe('a certification expiring with no other event lapses the credential exactly once', () => {
  const ns = new TestNamespace('training-expiry');
  const clock = new MovableClock('2031-05-01T20:00:00Z');
  const instances: NestExpressApplication[] = [];
  const seen: { type: string; subject: string; id: string }[] = [];
  let consumer: Consumer;
  let url: string;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['TRAINING_EXPIRY_CHECK_INTERVAL_MS'] = '200';
    process.env['TRAINING_EXPIRY_WARNING_DAYS'] = '30,7';
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.scheduling)]);
    for (let i = 0; i < 2; i++) {
      const started = await startTrainingApp(clock.now);
      instances.push(started.app);
      url ??= started.url;
    }
    consumer = ns.kafka().consumer({ groupId: ns.group('lapse-reader') });
    await consumer.connect();
    await consumer.subscribe({ topic: ns.topic(TOPICS.training), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push({
          type: message.headers?.['ce_type']?.toString() ?? '',
          subject: message.headers?.['ce_subject']?.toString() ?? '',
          id: message.headers?.['ce_id']?.toString() ?? '',
        });
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    for (const app of instances) await app.close().catch(() => undefined);
    await ns.dispose();
  });

  it('two running instances and a restart store and publish one warning per lead time, one expiry and one lapse', async () => {
    const staffId = randomUUID();
    const trainer = await bearer('trainer', randomUUID());
    // The second instance runs throughout; the first is restarted half-way.
    const store = instances[1]!.get(MongoEventStore);
    const enrolled = await call(
      url,
      'POST',
      `/api/v1/training/staff/${staffId}/enrolment`,
      trainer,
      {
        role: 'provider',
        teamId: randomUUID(),
      },
    );
    expect(enrolled.status).toBe(201);
    // HIPAA from outside, expiring 40 days from now at 02:00 (overnight); platform use for years.
    const hipaaExpiry = new Date(clock.now().getTime() + 40 * DAY_MS);
    hipaaExpiry.setUTCHours(2, 0, 0, 0);
    for (const [kind, expiresAt] of [
      ['hipaa', hipaaExpiry.toISOString()],
      ['platform-use', '2035-01-01T00:00:00Z'],
    ] as const) {
      const recorded = await call(
        url,
        'POST',
        `/api/v1/training/staff/${staffId}/certifications`,
        trainer,
        {
          kind,
          issuer: 'Telehealth Certification Institute',
          issuedAt: '2031-01-01T00:00:00Z',
          expiresAt,
          evidenceRef: `https://certificates.example.org/${kind}/1`,
        },
      );
      expect(recorded.status).toBe(201);
    }
    const typesInStream = async () => (await store.load(`staff-${staffId}`)).map((e) => e.type);
    expect(await typesInStream()).toContain('thc.training.StaffCredentialed.v1');

    // Day 11 (29 days left): both instances check at once, and again on their timers.
    clock.advance(11 * DAY_MS);
    await Promise.all(instances.map((app) => app.get(ExpiryCheck).runOnce()));
    await eventually(async () =>
      expect((await typesInStream()).filter((t) => t === WARNING)).toHaveLength(1),
    );

    // The evening before the expiry (about 7 days, then hours left), then overnight.
    clock.advance(28 * DAY_MS);
    await Promise.all(instances.map((app) => app.get(ExpiryCheck).runOnce()));
    clock.advance(1 * DAY_MS);
    await Promise.all(instances.map((app) => app.get(ExpiryCheck).runOnce()));
    await eventually(async () => expect(await typesInStream()).toContain(LAPSED));

    // A restart of one instance: on start it checks again, as the other keeps checking.
    await instances[0]!.close();
    const restarted = await startTrainingApp(clock.now);
    instances[0] = restarted.app;
    await Promise.all(instances.map((app) => app.get(ExpiryCheck).runOnce()));
    await new Promise((resolve) => setTimeout(resolve, 1500)); // several timer ticks of both

    const types = await typesInStream();
    expect(types.filter((t) => t === WARNING)).toHaveLength(2);
    expect(types.filter((t) => t === EXPIRED)).toHaveLength(1);
    expect(types.filter((t) => t === LAPSED)).toHaveLength(1);
    const lapse = (await store.load(`staff-${staffId}`)).find((e) => e.type === LAPSED)!;
    expect(lapse.data).toMatchObject({
      lapsedAt: hipaaExpiry.toISOString(),
      cause: 'certification-expired',
      certificationKind: 'hipaa',
    });

    // On Kafka: once the relay has published everything, one lapse message for this staff.
    await eventually(
      async () => expect(await instances[1]!.get(MongoEventStore).readPending()).toEqual([]),
      { timeoutMs: 20_000 },
    );
    await eventually(
      async () =>
        expect(
          seen.filter((m) => m.subject === `staff-${staffId}` && m.type === LAPSED),
        ).toHaveLength(1),
      { timeoutMs: 30_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const onKafka = seen.filter((m) => m.subject === `staff-${staffId}`);
    expect(onKafka.filter((m) => m.type === LAPSED)).toEqual([
      { type: LAPSED, subject: `staff-${staffId}`, id: lapse.id },
    ]);
    expect(onKafka.filter((m) => m.type === EXPIRED)).toHaveLength(1);
  });
});
