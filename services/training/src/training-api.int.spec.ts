import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, hostileBodies, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { MovableClock } from './testing/movable-clock';
import { call, createCatalog, startTrainingApp } from './testing/training-test-app';

describe('training API: catalog, enrolment, completions, certifications, views', () => {
  const ns = new TestNamespace('training-api');
  const clock = new MovableClock('2031-03-01T08:00:00Z');
  let app: NestExpressApplication;
  let url: string;
  let trainer: Record<string, string>;
  let modules: Awaited<ReturnType<typeof createCatalog>>;
  const teamId = randomUUID();

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

  const enrol = (staffId: string, role = 'provider') =>
    call(url, 'POST', `/api/v1/training/staff/${staffId}/enrolment`, trainer, { role, teamId });
  const complete = (staffId: string, moduleId: string, scorePercent: number) =>
    call(url, 'POST', `/api/v1/training/staff/${staffId}/completions`, trainer, {
      moduleId,
      scorePercent,
      completedAt: clock.now().toISOString(),
      evidenceRef: 'lms://attempts/1',
    });

  it('enrols a provider with every module the role needs, credentials them once all are passed, and shows it to them', async () => {
    const providerId = randomUUID();
    const enrolled = await enrol(providerId);
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.assignments.map((a: { moduleId: string }) => a.moduleId).sort()).toEqual(
      Object.values(modules).sort(),
    );
    expect(enrolled.body.credential).toEqual({ status: 'none' });

    expect((await complete(providerId, modules.hipaa, 60)).body.certifications).toEqual([]);
    for (const moduleId of Object.values(modules)) await complete(providerId, moduleId, 90);

    const me = await call(url, 'GET', '/api/v1/training/me', await bearer('provider', providerId));
    expect(me.status).toBe(200);
    expect(me.body.credential.status).toBe('current');
    expect(me.body.certifications.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'hipaa',
      'platform-use',
    ]);
    expect(me.body.assignments.every((a: { status: string }) => a.status === 'completed')).toBe(
      true,
    );

    const team = await call(url, 'GET', `/api/v1/training/teams/${teamId}/compliance`, trainer);
    expect(team.body.members).toContainEqual(
      expect.objectContaining({ staffId: providerId, current: true, openAssignments: 0 }),
    );
  });

  it('records an outside certification with its issuer, and revoking it lapses the credential (409 on a second revocation)', async () => {
    const coordinatorId = randomUUID();
    await enrol(coordinatorId, 'coordinator');
    for (const moduleId of Object.values(modules)) await complete(coordinatorId, moduleId, 100);
    const recorded = await call(
      url,
      'POST',
      `/api/v1/training/staff/${coordinatorId}/certifications`,
      trainer,
      {
        kind: 'ctc',
        issuer: 'Telehealth Certification Institute',
        issuedAt: '2030-11-01T00:00:00Z',
        expiresAt: '2032-11-01T00:00:00Z',
        evidenceRef: 'https://certificates.example.org/ctc/1',
      },
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body.credential.status).toBe('current');
    const ctc = recorded.body.certifications.find((c: { kind: string }) => c.kind === 'ctc');
    expect(ctc).toMatchObject({ issuer: 'Telehealth Certification Institute', source: 'external' });

    const revoke = () =>
      call(
        url,
        'POST',
        `/api/v1/training/staff/${coordinatorId}/certifications/${ctc.certificationId}/revocation`,
        trainer,
        { reason: 'evidence-invalid' },
      );
    const revoked = await revoke();
    expect(revoked.status).toBe(200);
    expect(revoked.body.credential).toEqual({ status: 'lapsed' });
    expect(await revoke()).toMatchObject({
      status: 409,
      body: { detail: 'the certification is already revoked' },
    });
  });

  it('refuses a fourth failed attempt until a trainer assigns the module again', async () => {
    const staffId = randomUUID();
    await enrol(staffId, 'interpreter');
    for (let i = 0; i < 3; i++) await complete(staffId, modules.troubleshooting, 10);
    expect((await complete(staffId, modules.troubleshooting, 95)).status).toBe(409);
    const reassigned = await call(
      url,
      'POST',
      `/api/v1/training/staff/${staffId}/assignments`,
      trainer,
      {
        moduleId: modules.troubleshooting,
        dueAt: '2031-04-01T00:00:00Z',
        reason: 'manual',
      },
    );
    expect(reassigned.status).toBe(409); // still open: the role assignment was never passed
  });

  describe('who may call what', () => {
    it('refuses without a token (401), and with a role that may not act (403)', async () => {
      const staffId = randomUUID();
      expect((await call(url, 'GET', '/api/v1/training/me', {})).status).toBe(401);
      const asPatient = await call(
        url,
        'POST',
        `/api/v1/training/staff/${staffId}/enrolment`,
        await bearer('patient', staffId),
        {
          role: 'provider',
          teamId,
        },
      );
      expect(asPatient.status).toBe(403);
      const asProvider = await call(
        url,
        'POST',
        `/api/v1/training/modules`,
        await bearer('provider', staffId),
        {},
      );
      expect(asProvider.status).toBe(403);
      const analyst = await call(
        url,
        'GET',
        `/api/v1/training/teams/${teamId}/compliance`,
        await bearer('analyst'),
      );
      expect(analyst.status).toBe(403);
    });

    it("lets staff read their own record but not a colleague's", async () => {
      const staffId = randomUUID();
      await enrol(staffId);
      const own = await call(
        url,
        'GET',
        `/api/v1/training/staff/${staffId}`,
        await bearer('provider', staffId),
      );
      expect(own.status).toBe(200);
      const other = await call(
        url,
        'GET',
        `/api/v1/training/staff/${staffId}`,
        await bearer('provider', randomUUID()),
      );
      expect(other.status).toBe(403);
    });
  });

  describe('hostile input', () => {
    it('answers every hostile body of every writing route with 400 problem+json and stores no event', async () => {
      const store = app.get(MongoEventStore);
      const staffId = randomUUID();
      await enrol(staffId);
      const routes: [string, () => string, Record<string, unknown>][] = [
        [
          'enrolment',
          () => `/api/v1/training/staff/${randomUUID()}/enrolment`,
          { role: 'provider', teamId, dueAt: '2031-04-01T00:00:00Z' },
        ],
        [
          'completion',
          () => `/api/v1/training/staff/${staffId}/completions`,
          {
            moduleId: modules.hipaa,
            scorePercent: 90,
            completedAt: '2031-03-01T07:00:00Z',
            evidenceRef: 'lms://attempts/9',
          },
        ],
        [
          'certification',
          () => `/api/v1/training/staff/${staffId}/certifications`,
          {
            kind: 'ctc',
            issuer: 'Telehealth Certification Institute',
            issuedAt: '2030-11-01T00:00:00Z',
            expiresAt: '2032-11-01T00:00:00Z',
            evidenceRef: 'https://certificates.example.org/ctc/1',
          },
        ],
        [
          'assignment',
          () => `/api/v1/training/staff/${staffId}/assignments`,
          { moduleId: modules.troubleshooting, dueAt: '2031-04-01T00:00:00Z', reason: 'manual' },
        ],
        [
          'module',
          () => '/api/v1/training/modules',
          {
            moduleCode: 'HOSTILE-CHECK',
            topic: 'hipaa',
            title: 'A module that must never be created',
            passMarkPercent: 80,
            maxAttempts: 3,
          },
        ],
      ];
      const cases = routes.flatMap(([name, path, valid]) =>
        hostileBodies(valid).map(({ label, body }) => ({ label: `${name}: ${label}`, path, body })),
      );
      expect(cases.length).toBeGreaterThanOrEqual(200);
      const before = await store.model.countDocuments();
      const outcomes = await Promise.all(
        cases.map(async ({ label, path, body }) => {
          const r = await call(url, 'POST', path(), trainer, body);
          return { label, status: r.status, type: r.type };
        }),
      );
      expect(outcomes.filter((o) => o.status !== 400 || !o.type.includes('problem+json'))).toEqual(
        [],
      );
      expect(await store.model.countDocuments()).toBe(before);
    });

    it('names the field it refuses', async () => {
      const response = await call(
        url,
        'POST',
        `/api/v1/training/staff/${randomUUID()}/enrolment`,
        trainer,
        {
          role: 'surgeon',
          teamId,
        },
      );
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('role');
    });
  });
});
