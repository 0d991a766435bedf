import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { call } from '../testing/http-client';
import { startSessionsApp } from '../testing/sessions-test-app';
import { SessionsKit } from '../testing/sessions-test-kit';

describe('troubleshooting and patient assistance', () => {
  const ns = new TestNamespace('sessions-trouble');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let producer: Producer;
  let kit: SessionsKit;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    await ns.createTopics([
      ns.topic(TOPICS.scheduling),
      ns.topic(TOPICS.compliance),
      ns.topic(TOPICS.training),
    ]);
    ({ app, url } = await startSessionsApp());
    store = app.get(MongoEventStore);
    producer = ns.kafka().producer();
    await producer.connect();
    kit = new SessionsKit(app, (t) => ns.topic(t), producer);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  });

  it('a failed pre-visit check opens an issue that a coordinator sees in the queue, takes, and resolves', async () => {
    const { booked, sessionId } = await kit.bookedSession(60);
    const patient = await bearer('patient', booked.patientId);
    const coordinatorId = randomUUID();
    const coordinator = await bearer('coordinator', coordinatorId);

    const check = await call(
      url,
      'POST',
      `/api/v1/sessions/${sessionId}/pre-visit-checks`,
      { ...patient, 'accept-language': 'es' },
      {
        participantId: booked.patientId,
        checks: { camera: 'pass', microphone: 'fail', speaker: 'pass', network: 'pass' },
        client: { device: 'desktop', browser: 'chrome' },
      },
    );
    expect(check).toMatchObject({
      status: 201,
      body: { result: 'failed', issueId: expect.any(String) },
    });
    const { issueId, steps } = check.body as {
      issueId: string;
      steps: { step: string; text: string }[];
    };
    expect(steps[0]?.text).toContain('volumen');

    const types = (await store.load(`session-${sessionId}`)).map((e) => e.type.split('.')[2]);
    expect(types.slice(-2)).toEqual(['PreVisitCheckRecorded', 'TechnicalIssueOpened']);

    const queue = async () =>
      (await call(url, 'GET', '/api/v1/issues/open', coordinator)).body as {
        issueId: string;
        assignedTo?: string;
        category: string;
        trigger: string;
      }[];
    expect((await queue()).find((i) => i.issueId === issueId)).toMatchObject({
      category: 'audio',
      trigger: 'pre-visit-check',
    });
    expect((await call(url, 'GET', '/api/v1/issues/open', patient)).status).toBe(403);

    const base = `/api/v1/sessions/${sessionId}/issues/${issueId}`;
    expect((await call(url, 'POST', `${base}/assign`, coordinator, { coordinatorId })).status).toBe(
      204,
    );
    expect((await queue()).find((i) => i.issueId === issueId)).toMatchObject({
      assignedTo: coordinatorId,
    });
    expect(
      (
        await call(url, 'POST', `${base}/resolve`, coordinator, {
          outcome: 'fixed',
          steps: ['grant-permissions', 'reload-page'],
        })
      ).status,
    ).toBe(204);
    expect((await queue()).find((i) => i.issueId === issueId)).toBeUndefined();
    expect(
      (await call(url, 'POST', `${base}/resolve`, coordinator, { outcome: 'fixed', steps: [] }))
        .status,
    ).toBe(409);

    const resolved = (await store.load(`session-${sessionId}`)).at(-1);
    expect(resolved?.data).toMatchObject({
      outcome: 'fixed',
      steps: ['grant-permissions', 'reload-page'],
      category: 'audio',
      secondsToResolve: expect.any(Number),
    });
  });

  it('a patient reports an issue for themselves only, and reads the playbook in Spanish', async () => {
    const { booked, sessionId } = await kit.bookedSession(60);
    const patient = await bearer('patient', booked.patientId);
    const opened = await call(url, 'POST', `/api/v1/sessions/${sessionId}/issues`, patient, {
      category: 'join-link',
      participantId: booked.patientId,
      device: 'mobile',
    });
    expect(opened).toMatchObject({
      status: 201,
      body: { steps: [{ step: 'new-join-link' }, { step: 'reload-page' }, { step: 'dial-in' }] },
    });
    const forOther = await call(url, 'POST', `/api/v1/sessions/${sessionId}/issues`, patient, {
      category: 'audio',
      participantId: booked.providerId,
    });
    expect(forOther.status).toBe(403);
    const playbook = await call(url, 'GET', '/api/v1/playbooks/video?device=tablet', {
      ...patient,
      'accept-language': 'es-MX',
    });
    expect(playbook).toMatchObject({
      status: 200,
      body: [{ step: 'grant-permissions', text: expect.stringContaining('Ajustes') }, {}, {}, {}],
    });
    expect((await call(url, 'GET', '/api/v1/playbooks/telepathy', patient)).status).toBe(404);
  });
});
