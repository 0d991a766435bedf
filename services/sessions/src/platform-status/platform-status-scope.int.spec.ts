import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { bearer, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { call } from '../visits/testing/http-client';
import { startSessionsApp } from '../visits/testing/sessions-test-app';
import { SessionsKit } from '../visits/testing/sessions-test-kit';

/**
 * The platform's state is not a clinic's: every coordinator reads it. The visits an incident
 * puts at risk are: each coordinator sees those of the clinics they cover.
 */
describe('platform status within the clinics a coordinator covers', () => {
  const ns = new TestNamespace('sessions-status-scope');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let kit: SessionsKit;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['SESSIONS_INCIDENT_THRESHOLD'] = '4';
    process.env['SESSIONS_INCIDENT_WINDOW_SECONDS'] = '60';
    process.env['SESSIONS_INCIDENT_QUIET_SECONDS'] = '600';
    await ns.createTopics(
      [TOPICS.scheduling, TOPICS.compliance, TOPICS.training].map((topic) => ns.topic(topic)),
    );
    ({ app, url } = await startSessionsApp());
    producer = ns.kafka().producer();
    await producer.connect();
    kit = new SessionsKit(app, (t) => ns.topic(t), producer);
  });

  afterAll(async () => {
    for (const name of ['THRESHOLD', 'WINDOW_SECONDS', 'QUIET_SECONDS'])
      delete process.env[`SESSIONS_INCIDENT_${name}`];
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  });

  it('lists to each coordinator only the visits at risk in the clinics they cover, and the incident to all', async () => {
    const clinicA = randomUUID();
    const clinicB = randomUUID();
    const inA = await Promise.all([30, 31].map((m) => kit.bookedSession(m, { clinicId: clinicA })));
    const inB = await Promise.all([32, 33].map((m) => kit.bookedSession(m, { clinicId: clinicB })));
    const everywhere = await bearer('coordinator', randomUUID());
    for (const { booked, sessionId } of [...inA, ...inB])
      expect(
        (
          await call(
            url,
            'POST',
            `/api/v1/sessions/${sessionId}/participants/${booked.patientId}/join-failed`,
            everywhere,
          )
        ).status,
      ).toBe(204);

    const atRisk = async (clinics: string[]) => {
      const caller = await bearer('coordinator', randomUUID(), { clinics });
      const { body } = await call(url, 'GET', '/api/v1/platform/status', caller);
      const status = body as { status: string; affectedUpcomingVisits: { sessionId: string }[] };
      expect(status.status).toBe('incident');
      return status.affectedUpcomingVisits.map((visit) => visit.sessionId).sort();
    };
    const ids = (visits: typeof inA) => visits.map((visit) => visit.sessionId).sort();
    expect(await atRisk([clinicA])).toEqual(ids(inA));
    expect(await atRisk([clinicB])).toEqual(ids(inB));
    expect(await atRisk([])).toEqual([]);
  });
});
