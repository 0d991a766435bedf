import { NestExpressApplication } from '@nestjs/platform-express';
import { EventDataOf, streamIdOf, toKafkaHeaders, TOPICS } from '@thc/contracts';
import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import {
  defineSchedule,
  listInDirectory,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
} from '../appointments/testing/scheduling-test-app';

const CREDENTIALED = 'thc.training.StaffCredentialed.v1';
const LAPSED = 'thc.training.StaffCredentialLapsed.v1';

describe('booking is gated by the provider credential from training events', () => {
  const ns = new TestNamespace('credential-gate');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    delete process.env['SCHEDULING_REQUIRE_CREDENTIAL']; // the default: required
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    ({ app, url } = await startSchedulingApp());
    producer = ns.kafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  });

  /** Publishes a training event as the training service's relay would. */
  async function publish(type: string, data: object, id: string = randomUUID()): Promise<string> {
    const subject = streamIdOf(type, data) ?? '';
    await producer.send({
      topic: ns.topic(TOPICS.training),
      messages: [
        {
          key: subject,
          value: JSON.stringify(data),
          headers: toKafkaHeaders({
            id,
            source: '/thc/training',
            type,
            subject,
            time: new Date().toISOString(),
          }),
        },
      ],
    });
    return id;
  }

  const credentialed = (staffId: string): EventDataOf<typeof CREDENTIALED> => ({
    staffId,
    role: 'provider',
    credentialedAt: new Date().toISOString(),
    validUntil: '2099-01-01T00:00:00Z',
    certificationIds: [randomUUID()],
  });
  const lapsed = (staffId: string): EventDataOf<typeof LAPSED> => ({
    staffId,
    role: 'provider',
    lapsedAt: new Date().toISOString(),
    cause: 'certification-expired',
    certificationKind: 'hipaa',
  });

  it('refuses without a credential, books once credentialed, refuses when lapsed, and a redelivered lapse changes nothing', async () => {
    const providerId = randomUUID();
    const coordinator = await bearer('coordinator', randomUUID());
    await listInDirectory(app, providerId);
    await defineSchedule(url, coordinator, providerId);
    // Each attempt books the next day at 09:00 UTC, so a retry never meets its own booking.
    let day = 0;
    const book = () => {
      const start = Date.parse('2031-07-01T09:00:00Z') + day++ * 86_400_000;
      return callService(url, 'POST', '/api/v1/appointments', coordinator, {
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

    expect(await book()).toMatchObject({
      status: 409,
      body: { detail: 'the provider has no telehealth credential on record' },
    });

    await publish(CREDENTIALED, credentialed(providerId));
    await eventually(async () => expect((await book()).status).toBe(201), {
      timeoutMs: 40_000,
      intervalMs: 300,
    });

    const lapseId = await publish(LAPSED, lapsed(providerId));
    await eventually(
      async () =>
        expect(await book()).toMatchObject({
          status: 409,
          body: {
            detail: "the provider's telehealth credential has lapsed (certification-expired)",
          },
        }),
      { timeoutMs: 40_000, intervalMs: 300 },
    );

    await publish(CREDENTIALED, credentialed(providerId));
    await eventually(async () => expect((await book()).status).toBe(201), {
      timeoutMs: 40_000,
      intervalMs: 300,
    });

    // Kafka may redeliver the lapse; applied once already, it must not lapse the credential again.
    await publish(LAPSED, lapsed(providerId), lapseId);
    const marker = randomUUID();
    await listInDirectory(app, marker);
    await defineSchedule(url, coordinator, marker);
    await publish(CREDENTIALED, credentialed(marker));
    await eventually(
      async () => {
        const probe = await callService(url, 'POST', '/api/v1/appointments', coordinator, {
          patientId: randomUUID(),
          providerId: marker,
          clinicId: randomUUID(),
          visitType: 'audio',
          start: '2031-07-02T09:00:00Z',
          end: '2031-07-02T09:30:00Z',
          timeZone: 'UTC',
          patientLocation: TEST_PATIENT_LOCATION,
        });
        expect(probe.status).toBe(201);
      },
      { timeoutMs: 40_000, intervalMs: 300 },
    );
    expect((await book()).status).toBe(201);
  });
});
