import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { bearer, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { MovableClock } from '../testing/movable-clock';
import { call, createCatalog, startTrainingApp } from '../testing/training-test-app';

interface AssignmentView {
  readonly moduleId: string;
  readonly moduleVersion: number;
  readonly reason: string;
  readonly status: string;
}

describe('the catalog: versions, retraining, and new modules reach the staff they concern', () => {
  const ns = new TestNamespace('training-catalog');
  const clock = new MovableClock('2031-03-01T08:00:00Z');
  let app: NestExpressApplication;
  let url: string;
  let trainer: Record<string, string>;
  let modules: Awaited<ReturnType<typeof createCatalog>>;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['TRAINING_EXPIRY_CHECK_INTERVAL_MS'] = '0';
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.scheduling)]);
    ({ app, url } = await startTrainingApp(clock.now));
    trainer = await bearer('trainer', randomUUID());
    modules = await createCatalog(url, trainer);
  });

  afterAll(async () => {
    await app?.close();
    await ns.dispose();
  });

  const assignmentsOf = async (staffId: string): Promise<AssignmentView[]> =>
    (await call(url, 'GET', `/api/v1/training/staff/${staffId}`, trainer)).body.assignments;

  it('a version that requires retraining is assigned again to those who passed, not to those still on it', async () => {
    const passedId = randomUUID();
    const pendingId = randomUUID();
    for (const staffId of [passedId, pendingId])
      await call(url, 'POST', `/api/v1/training/staff/${staffId}/enrolment`, trainer, {
        role: 'support-specialist',
        teamId: randomUUID(),
      });
    await call(url, 'POST', `/api/v1/training/staff/${passedId}/completions`, trainer, {
      moduleId: modules.hipaa,
      scorePercent: 100,
      completedAt: clock.now().toISOString(),
    });

    const published = await call(
      url,
      'POST',
      `/api/v1/training/modules/${modules.hipaa}/versions`,
      trainer,
      {
        passMarkPercent: 85,
        requiresRetraining: true,
      },
    );
    expect(published).toMatchObject({ status: 201, body: { version: 2, passMarkPercent: 85 } });

    const retraining = (await assignmentsOf(passedId)).filter(
      (a) => a.moduleId === modules.hipaa && a.status === 'open',
    );
    expect(retraining).toEqual([
      expect.objectContaining({ moduleVersion: 2, reason: 'retraining' }),
    ]);
    expect((await assignmentsOf(pendingId)).filter((a) => a.moduleId === modules.hipaa)).toEqual([
      expect.objectContaining({ moduleVersion: 1, reason: 'role-requirement', status: 'open' }),
    ]);

    const catalog = await call(url, 'GET', '/api/v1/training/modules', await bearer('provider'));
    expect(catalog.body).toContainEqual(
      expect.objectContaining({ moduleId: modules.hipaa, version: 2 }),
    );
  });

  it('a new module is assigned to enrolled staff whose role needs its topic', async () => {
    const staffId = randomUUID();
    await call(url, 'POST', `/api/v1/training/staff/${staffId}/enrolment`, trainer, {
      role: 'interpreter',
      teamId: randomUUID(),
    });
    const created = await call(url, 'POST', '/api/v1/training/modules', trainer, {
      moduleCode: 'EMERGENCY-PROTOCOL-2031',
      topic: 'emergency-protocol',
      title: 'Emergency protocol during a virtual visit (2031)',
      passMarkPercent: 90,
      maxAttempts: 2,
    });
    expect(created.status).toBe(201);
    expect(await assignmentsOf(staffId)).toContainEqual(
      expect.objectContaining({ moduleId: created.body.moduleId, reason: 'role-requirement' }),
    );
  });

  it('refuses a version of a module that does not exist (409)', async () => {
    const response = await call(
      url,
      'POST',
      `/api/v1/training/modules/${randomUUID()}/versions`,
      trainer,
      {
        requiresRetraining: false,
      },
    );
    expect(response.status).toBe(409);
  });

  it('documents every training route in OpenAPI', async () => {
    const docs = await call(url, 'GET', '/docs-json', {});
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/training/modules',
        '/api/v1/training/staff/{staffId}/enrolment',
        '/api/v1/training/staff/{staffId}/completions',
        '/api/v1/training/teams/{teamId}/compliance',
        '/api/v1/training/me',
      ]),
    );
  });
});
