import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { bearer, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { call } from '../testing/http-client';
import { advanceClock, startSessionsApp } from '../testing/sessions-test-app';
import { SessionsKit } from '../testing/sessions-test-kit';

const DAY = 86_400_000;

describe("a provider's view of a patient's sessions ends with the care window", () => {
  const ns = new TestNamespace('sessions-care-window');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let kit: SessionsKit;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    delete process.env['CARE_RELATIONSHIP_DAYS'];
    await ns.createTopics([ns.topic(TOPICS.scheduling), ns.topic(TOPICS.compliance)]);
    ({ app, url } = await startSessionsApp());
    producer = ns.kafka().producer();
    await producer.connect();
    kit = new SessionsKit(app, (t) => ns.topic(t), producer);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  });

  it('shows the provider their session with the patient within 90 days of it, and nothing after', async () => {
    const { booked, sessionId } = await kit.bookedSession(5);
    const path = `/api/v1/patients/${booked.patientId}/sessions`;
    const provider = await bearer('provider', booked.providerId);
    const coordinator = await bearer('coordinator', booked.providerId);

    advanceClock(89 * DAY);
    expect(await call(url, 'GET', path, provider)).toMatchObject({
      status: 200,
      body: [{ sessionId }],
    });

    advanceClock(2 * DAY);
    expect(await call(url, 'GET', path, provider)).toMatchObject({ status: 200, body: [] });
    // Running the program is not care: staff still see the session.
    expect(await call(url, 'GET', path, coordinator)).toMatchObject({
      status: 200,
      body: [{ sessionId }],
    });
  });
});
