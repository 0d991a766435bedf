import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import {
  bearer,
  eventually,
  hostileBodies,
  TestNamespace,
  callService as call,
} from '@thc/testing';
import { Consumer } from 'kafkajs';
import { mongo } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { AuditTrailCollections } from '../../audit-trail/audit-trail.collections';
import { ChainVerdict } from '../../audit-trail/domain/chain-verification';
import {
  complianceTestEnv,
  createComplianceTopics,
  startComplianceApp,
} from '../../testing/compliance-test-app';
import { noteSha256 } from '../domain/violation-note';
import { ViolationRecorder } from '../violation.recorder';

const ACKNOWLEDGED = 'thc.compliance.ViolationAcknowledged.v1';
const RESOLVED = 'thc.compliance.ViolationResolved.v1';

type Step = 'acknowledge' | 'resolve';
type Alert = Record<string, unknown> & { status: string; violationId: string };

describe("a privacy officer's review of violations over HTTP", () => {
  const ns = new TestNamespace('violation-review');
  let app: NestExpressApplication;
  let url: string;
  let trail: AuditTrailCollections;
  let store: MongoEventStore;
  let notes: mongo.Collection;
  let consumer: Consumer;
  const published: { type: string; subject: string }[] = [];
  const officerId = randomUUID();
  let auditor: Record<string, string>;

  beforeAll(async () => {
    complianceTestEnv(ns);
    await createComplianceTopics(ns);
    ({ app, url } = await startComplianceApp());
    trail = app.get(AuditTrailCollections);
    store = app.get(MongoEventStore);
    notes = (await ns.connect('thc_compliance_audit')).collection('violation_notes');
    auditor = await bearer('auditor', officerId);
    // An outside consumer of thc.compliance.v1, as an integrator's would be.
    consumer = ns.kafka().consumer({ groupId: ns.group('outside') });
    await consumer.connect();
    await consumer.subscribe({ topic: ns.topic(TOPICS.compliance), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        published.push({
          type: message.headers?.['ce_type']?.toString() ?? '',
          subject: message.headers?.['ce_subject']?.toString() ?? '',
        });
      },
    });
  }, 180_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  /** A violation as detection records it: open, about a patient. */
  async function detected(
    actorId: string = randomUUID(),
  ): Promise<{ violationId: string; patientId: string }> {
    const patientId = randomUUID();
    const violation = await app.get(ViolationRecorder).record(
      {
        rule: 'access-without-care-relationship',
        severity: 'high',
        patientId,
        actorId,
        evidenceEventIds: [randomUUID()],
      },
      new Date().toISOString(),
    );
    return { violationId: violation.violationId, patientId };
  }

  const step = (
    violationId: string,
    to: Step,
    body: unknown = { note: `${to}: checked with the clinic` },
    headers = auditor,
  ) => call(url, 'POST', `/api/v1/audit/violations/${violationId}/${to}`, headers, body);

  const list = async (query: string): Promise<Alert[]> => {
    const response = await call(url, 'GET', `/api/v1/audit/violations?${query}`, auditor);
    expect(response.status).toBe(200);
    return (response.body as { items: Alert[] }).items;
  };

  const streamOf = (violationId: string) =>
    store.model.countDocuments({ streamId: `violation-${violationId}` });

  it('acknowledges, then resolves, with notes and who did it; the list follows open → acknowledged → resolved', async () => {
    const { violationId, patientId } = await detected();
    expect((await list('status=open')).map((a) => a.violationId)).toContain(violationId);

    const acknowledged = await step(violationId, 'acknowledge', { note: 'Asked the provider.' });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({
      violationId,
      patientId,
      status: 'acknowledged',
      acknowledgement: {
        by: { kind: 'user', userId: officerId, role: 'auditor' },
        note: 'Asked the provider.',
      },
    });
    expect((await list('status=open')).map((a) => a.violationId)).not.toContain(violationId);
    expect((await list('status=acknowledged')).map((a) => a.violationId)).toContain(violationId);

    const resolved = await step(violationId, 'resolve', { note: 'Covering for a colleague.' });
    expect(resolved.status).toBe(200);
    const [listed] = (await list('status=resolved')).filter((a) => a.violationId === violationId);
    expect(listed).toEqual(resolved.body);
    expect(listed).toMatchObject({
      status: 'resolved',
      acknowledgement: { note: 'Asked the provider.' },
      resolution: {
        by: { kind: 'user', userId: officerId, role: 'auditor' },
        note: 'Covering for a colleague.',
      },
    });
    expect((await list('status=acknowledged')).map((a) => a.violationId)).not.toContain(
      violationId,
    );
  });

  it('records each step in the hash chain when it answers (the note by its hash only) and publishes it on thc.compliance.v1', async () => {
    const { violationId, patientId } = await detected();
    const note = 'Patient name would go here: never in events or the trail.';
    expect((await step(violationId, 'acknowledge', { note })).status).toBe(200);
    expect((await step(violationId, 'resolve')).status).toBe(200);

    const subject = `violation-${violationId}`;
    const entries = await trail.entries.find({ subject, type: { $ne: '' } }).toArray();
    const steps = entries.filter((e) => !e.tombstone && [ACKNOWLEDGED, RESOLVED].includes(e.type));
    expect(steps.map((e) => (e.tombstone ? '' : e.type))).toEqual([ACKNOWLEDGED, RESOLVED]);
    expect(steps[0]).toMatchObject({
      action: 'U',
      actor: { kind: 'user', id: officerId, role: 'auditor' },
      patientId,
      resource: { type: 'DetectedIssue', id: violationId },
      data: { noteSha256: noteSha256(note) },
    });
    expect(JSON.stringify(entries)).not.toContain('Patient name');
    const verdict = (await call(url, 'GET', '/api/v1/audit/verify', auditor)).body as ChainVerdict;
    expect(verdict.intact).toBe(true);

    await eventually(async () =>
      expect(published.filter((m) => m.subject === subject).map((m) => m.type)).toEqual(
        expect.arrayContaining([ACKNOWLEDGED, RESOLVED]),
      ),
    );
    // The service consumes its own events back; the trail counts each step once.
    expect(
      await trail.entries.countDocuments({ subject, type: { $in: [ACKNOWLEDGED, RESOLVED] } }),
    ).toBe(2);
  });

  test.each<{ name: string; before: Step[]; next: Step; status: number }>([
    { name: 'acknowledge an open violation', before: [], next: 'acknowledge', status: 200 },
    { name: 'resolve an open violation', before: [], next: 'resolve', status: 200 },
    {
      name: 'resolve an acknowledged violation',
      before: ['acknowledge'],
      next: 'resolve',
      status: 200,
    },
    { name: 'acknowledge twice', before: ['acknowledge'], next: 'acknowledge', status: 409 },
    {
      name: 'acknowledge a resolved violation',
      before: ['resolve'],
      next: 'acknowledge',
      status: 409,
    },
    { name: 'resolve twice', before: ['resolve'], next: 'resolve', status: 409 },
    {
      name: 'resolve after acknowledging and resolving',
      before: ['acknowledge', 'resolve'],
      next: 'resolve',
      status: 409,
    },
  ])('$name answers $status', async ({ before, next, status }) => {
    const { violationId } = await detected();
    for (const done of before) expect((await step(violationId, done)).status).toBe(200);
    const [events, notesBefore] = [await streamOf(violationId), await notes.countDocuments()];
    const response = await step(violationId, next);
    expect(response.status).toBe(status);
    if (status === 409) {
      expect(response.type).toContain('application/problem+json');
      expect(await streamOf(violationId)).toBe(events);
      expect(await notes.countDocuments()).toBe(notesBefore);
    }
  });

  it('lets only one of two simultaneous resolutions through', async () => {
    const { violationId } = await detected();
    const statuses = await Promise.all([
      step(violationId, 'resolve'),
      step(violationId, 'resolve'),
    ]).then((responses) => responses.map((r) => r.status).sort());
    expect(statuses).toEqual([200, 409]);
    expect(await streamOf(violationId)).toBe(2);
  });

  it.each<Step>(['acknowledge', 'resolve'])(
    '%s: 404 for an unknown violation, 400 for a malformed id',
    async (to) => {
      const unknown = await step(randomUUID(), to);
      expect(unknown.status).toBe(404);
      expect(unknown.type).toContain('application/problem+json');
      expect((await step('not-a-uuid', to)).status).toBe(400);
    },
  );

  it.each<Step>(['acknowledge', 'resolve'])('%s: auditors and admins only', async (to) => {
    const { violationId } = await detected();
    for (const role of ['coordinator', 'provider', 'patient', 'analyst'] as const)
      expect(
        (await step(violationId, to, undefined, await bearer(role, randomUUID()))).status,
      ).toBe(403);
    expect((await step(violationId, to, undefined, {})).status).toBe(401);
    expect(
      (await step(violationId, to, undefined, await bearer('admin', randomUUID()))).status,
    ).toBe(200);
  });

  it('answers every hostile note body on both routes with 400 problem+json and writes nothing', async () => {
    const { violationId } = await detected();
    const bodies = [
      ...hostileBodies({ note: 'checked' }),
      { label: 'empty note', body: { note: '' } },
      { label: 'blank note', body: { note: ' \n\t ' } },
      { label: 'note too long', body: { note: 'x'.repeat(2001) } },
    ];
    const [events, notesBefore] = [await streamOf(violationId), await notes.countDocuments()];
    for (const to of ['acknowledge', 'resolve'] as const) {
      const outcomes = await Promise.all(
        bodies.map(async ({ label, body }) => {
          const response = await step(violationId, to, body);
          return { label: `${to} ${label}`, status: response.status, type: response.type };
        }),
      );
      for (const outcome of outcomes) {
        expect({ label: outcome.label, status: outcome.status }).toEqual({
          label: outcome.label,
          status: 400,
        });
        expect(outcome.type).toContain('application/problem+json');
      }
    }
    expect(await streamOf(violationId)).toBe(events);
    expect(await notes.countDocuments()).toBe(notesBefore);
    expect((await list('status=open')).map((a) => a.violationId)).toContain(violationId);
  });

  it.each<[string, Step[], Step]>([
    ['acknowledge', [], 'acknowledge'],
    ['resolve', [], 'resolve'],
    ['resolve, once a colleague acknowledged it,', ['acknowledge'], 'resolve'],
  ])(
    'refuses an auditor who would %s a violation about their own read: 403 problem+json, nothing written',
    async (_, before, next) => {
      const { violationId } = await detected(officerId);
      const colleague = await bearer('auditor', randomUUID());
      for (const done of before)
        expect((await step(violationId, done, undefined, colleague)).status).toBe(200);
      const [events, notesBefore] = [await streamOf(violationId), await notes.countDocuments()];
      const response = await step(violationId, next, { note: 'nothing to see here' });
      expect(response.status).toBe(403);
      expect(response.type).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        detail: 'a reviewer may not acknowledge or resolve a violation in which they are the actor',
      });
      expect(await streamOf(violationId)).toBe(events);
      expect(await notes.countDocuments()).toBe(notesBefore);
      const [listed] = (await list('')).filter((a) => a.violationId === violationId);
      expect(listed?.status).toBe(before.length > 0 ? 'acknowledged' : 'open');
    },
  );
});
