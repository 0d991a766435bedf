import 'reflect-metadata';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { createServiceApp } from '@thc/service-runtime';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { AppModule as SchedulingModule } from '../../../services/scheduling/src/app.module';
import {
  listInDirectory,
  TEST_PATIENT_LOCATION,
} from '../../../services/scheduling/src/appointments/testing/scheduling-test-app';
import { serviceIdentity as scheduling } from '../../../services/scheduling/src/service.identity';
import { MovableClock } from '../../../services/training/src/testing/movable-clock';
import {
  call,
  createCatalog,
  startTrainingApp,
} from '../../../services/training/src/testing/training-test-app';

const DAY_MS = 86_400_000;
const LAPSED = 'thc.training.StaffCredentialLapsed.v1';
const slow = { timeoutMs: 60_000, intervalMs: 500 };

/**
 * Scheduling and training side by side on one namespace, connected only by Kafka: training's
 * relay publishes credential events, scheduling's consumer gates bookings on them. Training
 * runs on a clock the test moves; scheduling on the real one.
 */
describe('the telehealth credential from training gates booking in scheduling', () => {
  const ns = new TestNamespace('credential-gate-platform');
  const trainingClock = new MovableClock(new Date().toISOString());
  let schedulingApp: NestExpressApplication;
  let schedulingUrl: string;
  let trainingApp: NestExpressApplication;
  let trainingUrl: string;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['TRAINING_EXPIRY_CHECK_INTERVAL_MS'] = '300';
    delete process.env['SCHEDULING_REQUIRE_CREDENTIAL']; // the default: required
    await ns.createTopics(Object.values(TOPICS).map((topic) => ns.topic(topic)));
    schedulingApp = await createServiceApp(SchedulingModule, scheduling, { logger: ['error'] });
    await schedulingApp.listen(0, '127.0.0.1');
    schedulingUrl = await schedulingApp.getUrl();
    ({ app: trainingApp, url: trainingUrl } = await startTrainingApp(trainingClock.now));
  });

  afterAll(async () => {
    await Promise.all([schedulingApp?.close(), trainingApp?.close()]);
    await ns.dispose();
  });

  /** An open schedule (every day, all day, 30-minute visits, no notice) defined over HTTP. */
  async function defineSchedule(providerId: string): Promise<void> {
    const response = await call(
      schedulingUrl,
      'PUT',
      `/api/v1/providers/${providerId}/schedule`,
      await bearer('coordinator', randomUUID()),
      {
        clinicId: randomUUID(),
        timeZone: 'UTC',
        slotMinutes: { video: 30, audio: 30 },
        bufferMinutes: { before: 0, after: 0 },
        minimumNoticeMinutes: 0,
        bookingHorizonDays: 730,
        weeklyRules: (['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const).map((weekday) => ({
          weekday,
          start: '00:00',
          end: '23:30',
          visitTypes: ['video', 'audio'],
        })),
        exceptions: [],
      },
    );
    if (response.status !== 200)
      throw new Error(`schedule refused: ${response.status} ${JSON.stringify(response.body)}`);
  }

  it('refuses a provider without the credential (409 naming why), books once the missing module is passed, and refuses again when a certification expires overnight', async () => {
    const providerId = randomUUID();
    const trainer = await bearer('trainer', randomUUID());
    const coordinator = await bearer('coordinator', randomUUID());
    await defineSchedule(providerId);
    await listInDirectory(schedulingApp, providerId);

    // Each attempt books a different day at 09:00 UTC, three days ahead and on.
    const firstDay = Math.floor(Date.now() / DAY_MS) * DAY_MS + 3 * DAY_MS;
    let attempt = 0;
    const book = () => {
      const start = firstDay + attempt++ * DAY_MS + 9 * 3_600_000;
      return call(schedulingUrl, 'POST', '/api/v1/appointments', coordinator, {
        patientId: randomUUID(),
        providerId,
        clinicId: randomUUID(),
        visitType: 'video',
        start: new Date(start).toISOString(),
        end: new Date(start + 30 * 60_000).toISOString(),
        timeZone: 'UTC',
        patientLocation: TEST_PATIENT_LOCATION,
      });
    };

    // Training: the catalog, the provider enrolled, every module passed but HIPAA.
    const modules = await createCatalog(trainingUrl, trainer);
    const staffPath = `/api/v1/training/staff/${providerId}`;
    expect(
      (
        await call(trainingUrl, 'POST', `${staffPath}/enrolment`, trainer, {
          role: 'provider',
          teamId: randomUUID(),
        })
      ).status,
    ).toBe(201);
    const complete = (moduleId: string) =>
      call(trainingUrl, 'POST', `${staffPath}/completions`, trainer, {
        moduleId,
        scorePercent: 88,
        completedAt: trainingClock.now().toISOString(),
        evidenceRef: `lms://attempts/${moduleId}`,
      });
    for (const topic of [
      'platform-use',
      'telehealth-etiquette',
      'troubleshooting',
      'emergency-protocol',
    ] as const)
      expect((await complete(modules[topic])).status).toBe(201);

    const refused = await book();
    expect(refused).toMatchObject({
      status: 409,
      body: { detail: 'the provider has no telehealth credential on record' },
    });

    // The missing module: once passed, training credentials the provider and scheduling hears.
    const passed = await complete(modules.hipaa);
    expect(passed.body.credential.status).toBe('current');
    await eventually(async () => expect((await book()).status).toBe(201), slow);

    // Overnight, HIPAA (a year from its completion) expires: the evening before, then past it.
    const hipaa = passed.body.certifications.find((c: { kind: string }) => c.kind === 'hipaa');
    const expiresAt = Date.parse(hipaa.expiresAt);
    trainingClock.advance(expiresAt - 6 * 3_600_000 - trainingClock.now().getTime());
    expect((await book()).status).toBe(201);
    trainingClock.advance(12 * 3_600_000);

    await eventually(
      async () =>
        expect(await book()).toMatchObject({
          status: 409,
          body: {
            detail: "the provider's telehealth credential has lapsed (certification-expired)",
          },
        }),
      slow,
    );
    const stream = await trainingApp.get(MongoEventStore).load(`staff-${providerId}`);
    expect(stream.filter((e) => e.type === LAPSED)).toHaveLength(1);
    const me = await call(
      trainingUrl,
      'GET',
      '/api/v1/training/me',
      await bearer('provider', providerId),
    );
    expect(me.body.credential).toEqual({ status: 'lapsed' });
  });
});
