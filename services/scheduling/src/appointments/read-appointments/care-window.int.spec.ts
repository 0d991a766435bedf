import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { bearer, TestNamespace } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { call } from '../testing/http-client';
import { bookableProvider, startSchedulingApp, testClock } from '../testing/scheduling-test-app';

const DAY = 86_400_000;

describe("a provider's access to a patient's appointments ends with the care window", () => {
  const ns = new TestNamespace('care-window');
  let app: NestExpressApplication;
  let url: string;
  let coordinator: Record<string, string>;
  // The tests' clock, moved forward by `later` to play a read months after the visit.
  let later = 0;
  const clock = () => new Date(testClock().getTime() + later);

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['PHI_MASTER_KEYS'] = `test:${randomBytes(32).toString('base64')}`;
    process.env['PHI_KEYS_DB'] = ns.database('phi_keys');
    delete process.env['CARE_RELATIONSHIP_DAYS'];
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    ({ app, url } = await startSchedulingApp({ clock }));
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterAll(async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await app?.close();
    await ns.dispose();
  });

  it('lets the provider list the patient during the 90 days after the visit, and refuses them afterwards', async () => {
    const providerId = randomUUID();
    const patientId = randomUUID();
    await bookableProvider({ app, url }, coordinator, providerId);
    const end = '2031-03-10T13:30:00Z';
    const booked = await call(url, 'POST', '/api/v1/appointments', coordinator, {
      patientId,
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      start: '2031-03-10T09:00:00-04:00',
      end: '2031-03-10T09:30:00-04:00',
      timeZone: 'America/New_York',
    });
    expect(booked.status).toBe(201);
    const provider = await bearer('provider', providerId);
    const list = () => call(url, 'GET', `/api/v1/patients/${patientId}/appointments`, provider);
    const at = (instant: number) => {
      later = instant - testClock().getTime();
    };

    at(Date.parse(end) + 89 * DAY);
    expect((await list()).status).toBe(200);

    at(Date.parse(end) + 91 * DAY);
    const refused = await list();
    expect(refused.status).toBe(403);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      detail: 'provider has no appointment with this patient within the care window',
    });
    // Running the program is not care: the coordinator still sees the patient.
    expect(
      (await call(url, 'GET', `/api/v1/patients/${patientId}/appointments`, coordinator)).status,
    ).toBe(200);
    later = 0;
  });
});
