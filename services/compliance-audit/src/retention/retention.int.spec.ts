import { NestExpressApplication } from '@nestjs/platform-express';
import { MongoEventStore } from '@thc/event-store';
import {
  bearer,
  eventually,
  hostileBodies,
  TestNamespace,
  callService as call,
} from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AuditTrailCollections } from '../audit-trail/audit-trail.collections';
import { AuditTombstone } from '../audit-trail/domain/audit-entry';
import { eventIdHash, patientIdHash } from '../audit-trail/domain/audit-hash';
import { ChainVerdict } from '../audit-trail/domain/chain-verification';
import {
  complianceTestEnv,
  createComplianceTopics,
  PlatformEventInput,
  publish,
  startComplianceApp,
} from '../testing/compliance-test-app';
import { PURGE_CONFIRMATION } from './retention-purge.dto';

const PURGED = 'thc.compliance.AuditEntriesPurged.v1';
const OLD = '2015-06-01T12:00:00Z';

/** `{ a: { a: ... { a: 1 } } }`, `depth` levels down. */
function deep(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
}

describe('retention of the audit trail', () => {
  const ns = new TestNamespace('audit-retention');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let trail: AuditTrailCollections;
  let admin: Record<string, string>;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    complianceTestEnv(ns, { AUDIT_RETENTION_YEARS: '6' });
    await createComplianceTopics(ns);
    ({ app, url } = await startComplianceApp());
    trail = app.get(AuditTrailCollections);
    producer = ns.kafka().producer();
    await producer.connect();
    admin = await bearer('admin', randomUUID());
    auditor = await bearer('auditor', randomUUID());
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  const read = (patientId: string, at: string): PlatformEventInput => ({
    type: 'thc.compliance.PhiAccessed.v1',
    time: at,
    data: {
      accessId: randomUUID(),
      actorId: randomUUID(),
      role: 'coordinator',
      patientId,
      resource: 'Appointment',
      action: 'read',
      purpose: 'operations',
      service: 'scheduling',
      at,
    },
  });

  const purgeAs = (
    headers: Record<string, string>,
    body: unknown = { confirm: PURGE_CONFIRMATION },
  ) => call(url, 'POST', '/api/v1/audit/retention/purge', headers, body);
  const verify = async (): Promise<ChainVerdict> =>
    (await call(url, 'GET', '/api/v1/audit/verify', auditor)).body as ChainVerdict;
  const purgeRecords = () => trail.entries.countDocuments({ type: PURGED });

  it('purges entries past retention except those under legal hold, records the purge, and the chain still verifies', async () => {
    const held = randomUUID();
    const other = randomUUID();
    const old = '2015-06-01T12:00:00Z';
    const recent = new Date().toISOString();
    const ids = await publish(producer, ns, [
      read(held, old),
      read(other, old),
      read(other, recent),
    ]);
    await eventually(async () =>
      expect(await trail.entries.countDocuments({ eventId: { $in: ids } })).toBe(3),
    );

    const hold = await call(url, 'PUT', `/api/v1/audit/legal-holds/${held}`, admin, {
      matter: 'MATTER-2026-014',
    });
    expect(hold).toMatchObject({
      status: 200,
      body: { patientId: held, matter: 'MATTER-2026-014' },
    });
    expect((await purgeAs(auditor)).status).toBe(403);

    const purge = await purgeAs(admin);
    expect(purge).toMatchObject({ status: 200, body: { retentionYears: 6, heldCount: 1 } });
    const purged = purge.body as { purgeId: string; purgedCount: number };
    expect(purged.purgedCount).toBeGreaterThanOrEqual(1);

    // The other patient's old read is now a tombstone; the held and the recent ones are intact.
    const [heldOld, otherOld, otherRecent] = await Promise.all(
      ids.map((id) => trail.entries.findOne({ eventId: id })),
    );
    expect(heldOld).toMatchObject({ patientId: held });
    expect(otherOld).toBeNull();
    expect(await trail.entries.countDocuments({ tombstone: true, purgeId: purged.purgeId })).toBe(
      purged.purgedCount,
    );
    // The tombstone keeps the hashes of the event and patient ids, not the ids.
    expect(await trail.entries.findOne({ eventIdHash: eventIdHash(ids[1] as string) })).toEqual(
      expect.objectContaining({ tombstone: true, patientIdHash: patientIdHash(other) }),
    );
    expect(otherRecent).toMatchObject({ patientId: other });

    // The purge is itself in the trail and published; the chain verifies across the tombstones.
    expect(await trail.entries.findOne({ eventId: purged.purgeId })).toMatchObject({
      type: PURGED,
      action: 'D',
    });
    expect(
      (await app.get(MongoEventStore).load(`audit-purge-${purged.purgeId}`)).map((e) => e.type),
    ).toEqual([PURGED]);
    expect(
      await trail.entries.findOne({ type: 'thc.compliance.LegalHoldPlaced.v1' }),
    ).toMatchObject({ actor: { role: 'admin' } });
    expect((await call(url, 'GET', '/api/v1/audit/verify', auditor)).body).toMatchObject({
      intact: true,
    });

    // Emptying an entry that no purge covers is tampering.
    const seq = (otherRecent as { _id: number })._id;
    const original = await trail.entries.findOne({ _id: seq });
    const forged: AuditTombstone = {
      seq,
      tombstone: true,
      occurredAt: '2015-01-01T00:00:00.000Z',
      purgeId: purged.purgeId,
      prevHash: original?.prevHash ?? '',
      hash: original?.hash ?? '',
    };
    await trail.entries.replaceOne({ _id: seq }, forged);
    expect((await call(url, 'GET', '/api/v1/audit/verify', auditor)).body).toMatchObject({
      intact: false,
      firstBreak: { seq, reason: 'unexplained-tombstone' },
    });
    if (original) await trail.entries.replaceOne({ _id: seq }, original);

    // Released, the hold no longer protects: the next purge takes the held read too.
    expect((await call(url, 'DELETE', `/api/v1/audit/legal-holds/${held}`, admin)).status).toBe(
      204,
    );
    const next = await purgeAs(admin);
    expect(next).toMatchObject({ status: 200, body: { heldCount: 0 } });
    expect(await trail.entries.findOne({ eventId: ids[0] })).toBeNull();
    expect((await call(url, 'GET', '/api/v1/audit/verify', auditor)).body).toMatchObject({
      intact: true,
    });
  });

  it('refuses a retention shorter than six years at start-up', async () => {
    const { auditSettingsFromEnv } = await import('../audit.settings');
    expect(() =>
      auditSettingsFromEnv((name) => (name === 'AUDIT_RETENTION_YEARS' ? '5' : undefined)),
    ).toThrow('AUDIT_RETENTION_YEARS: must be an integer between 6 and 100');
    expect(() =>
      auditSettingsFromEnv((name) => (name === 'NODE_ENV' ? 'production' : undefined)),
    ).toThrow(/AUDIT_SIGNING_KEY_FILE/);
  });

  it('answers every hostile legal-hold body with 400 and places no hold', async () => {
    const patientId = randomUUID();
    const bodies = hostileBodies({ matter: 'MATTER-1' });
    const outcomes = await Promise.all(
      bodies.map(async ({ label, body }) => ({
        label,
        status: (await call(url, 'PUT', `/api/v1/audit/legal-holds/${patientId}`, admin, body))
          .status,
      })),
    );
    for (const outcome of outcomes) expect(outcome).toEqual({ label: outcome.label, status: 400 });
    const holds = (await call(url, 'GET', '/api/v1/audit/legal-holds', auditor)).body as {
      patientId: string;
    }[];
    expect(holds.map((h) => h.patientId)).not.toContain(patientId);
  });

  it('a dry run says which sequences a purge would empty and which are held, and changes nothing', async () => {
    const held = randomUUID();
    const other = randomUUID();
    const ids = await publish(producer, ns, [read(held, OLD), read(other, OLD)]);
    await eventually(async () =>
      expect(await trail.entries.countDocuments({ eventId: { $in: ids } })).toBe(2),
    );
    const [heldSeq, otherSeq] = await Promise.all(
      ids.map(async (id) => (await trail.entries.findOne({ eventId: id }))?._id as number),
    );
    await call(url, 'PUT', `/api/v1/audit/legal-holds/${held}`, admin, { matter: 'M-DRY' });
    const records = await purgeRecords();

    const dryRun = await purgeAs(admin, { dryRun: true });
    expect(dryRun).toMatchObject({ status: 200, body: { dryRun: true, retentionYears: 6 } });
    const plan = dryRun.body as {
      purgedCount: number;
      purgedRanges: { from: number; to: number }[];
      heldCount: number;
      heldRanges: { from: number; to: number }[];
    };
    const covers = (ranges: { from: number; to: number }[], seq: number) =>
      ranges.some(({ from, to }) => from <= seq && seq <= to);
    expect(covers(plan.purgedRanges, otherSeq)).toBe(true);
    expect(covers(plan.heldRanges, heldSeq)).toBe(true);
    expect(covers(plan.purgedRanges, heldSeq)).toBe(false);
    expect(plan.purgedRanges.reduce((n, { from, to }) => n + to - from + 1, 0)).toBe(
      plan.purgedCount,
    );
    // Nothing was emptied or recorded.
    expect(await trail.entries.findOne({ eventId: ids[1] })).toMatchObject({ patientId: other });
    expect(await purgeRecords()).toBe(records);
    await call(url, 'DELETE', `/api/v1/audit/legal-holds/${held}`, admin);
  });

  it.each([
    ['an empty object', {}, 'confirm'],
    ['an array', [], undefined],
    ['an unknown field', { notAField: 'x' }, 'notAField'],
    ['an operator', { $where: 'sleep(1000)' }, undefined],
    ['a 200-deep object', deep(200), undefined],
    ['a wrong confirmation', { confirm: 'yes' }, 'confirm'],
    ['dryRun false without confirmation', { dryRun: false }, 'confirm'],
    ['dryRun as text', { dryRun: 'true' }, 'dryRun'],
  ])('refuses %s with 400 naming the field, and purges nothing', async (_, body, field) => {
    const records = await purgeRecords();
    const tombstones = await trail.entries.countDocuments({ tombstone: true });
    const response = await purgeAs(admin, body);
    expect(response.status).toBe(400);
    expect(response.type).toContain('application/problem+json');
    if (field)
      expect(
        ((response.body as { 'invalid-params'?: { name: string }[] })['invalid-params'] ?? []).map(
          (p) => p.name,
        ),
      ).toContain(field);
    expect(await purgeRecords()).toBe(records);
    expect(await trail.entries.countDocuments({ tombstone: true })).toBe(tombstones);
  });

  it('answers every hostile purge body with 400 and purges nothing', async () => {
    const records = await purgeRecords();
    for (const { label, body } of hostileBodies({ confirm: PURGE_CONFIRMATION, dryRun: false }))
      expect({ label, status: (await purgeAs(admin, body)).status }).toEqual({
        label,
        status: 400,
      });
    expect(await purgeRecords()).toBe(records);
  });

  it('a purged event replayed from the topic does not come back', async () => {
    const patientId = randomUUID();
    const event = read(patientId, OLD);
    const [id] = await publish(producer, ns, [event]);
    await eventually(async () =>
      expect(await trail.entries.findOne({ eventId: id })).not.toBeNull(),
    );
    expect((await purgeAs(admin)).status).toBe(200);
    expect(await trail.entries.findOne({ eventId: id })).toBeNull();

    // Someone replays the topic (or the relay publishes again): the same event, the same id.
    const marker = randomUUID();
    await publish(producer, ns, [
      { ...event, id: id as string },
      read(marker, new Date().toISOString()),
    ]);
    await eventually(async () =>
      expect(await trail.entries.countDocuments({ patientId: marker })).toBe(1),
    );
    expect(await trail.entries.countDocuments({ eventId: id })).toBe(0);
    expect(await trail.entries.countDocuments({ eventIdHash: eventIdHash(id as string) })).toBe(1);
    expect((await verify()).firstBreak).toBeUndefined();
  });

  it("a hold deleted behind the trail's back does not let a purge empty the held entry unnoticed", async () => {
    const held = randomUUID();
    const [id] = await publish(producer, ns, [read(held, OLD)]);
    await eventually(async () =>
      expect(await trail.entries.findOne({ eventId: id })).not.toBeNull(),
    );
    const original = await trail.entries.findOne({ eventId: id });
    expect(
      (await call(url, 'PUT', `/api/v1/audit/legal-holds/${held}`, admin, { matter: 'M-7' }))
        .status,
    ).toBe(200);
    // The attacker, with write access to the database, removes the hold's document; the next
    // routine purge then takes the held patient's entry.
    const connection = await ns.connect('thc_compliance_audit');
    await connection.collection('legal_holds').deleteOne({ _id: held as never });
    expect((await purgeAs(admin)).status).toBe(200);
    expect(await trail.entries.findOne({ eventId: id })).toBeNull();

    expect((await verify()).firstBreak).toMatchObject({
      seq: original?._id,
      reason: 'held-entry-purged',
    });
    // Put the entry back (the purge's list naming an intact entry is no break).
    if (original) await trail.entries.replaceOne({ _id: original._id }, original);
    expect((await verify()).firstBreak).toBeUndefined();
  });

  it('listing the legal holds is recorded as a disclosure of the patients under hold', async () => {
    const held = randomUUID();
    await call(url, 'PUT', `/api/v1/audit/legal-holds/${held}`, admin, { matter: 'M-LIST' });
    const list = await call(url, 'GET', '/api/v1/audit/legal-holds', auditor);
    expect(list.status).toBe(200);
    await eventually(async () =>
      expect(
        await trail.entries.findOne({ type: 'thc.compliance.PhiAccessed.v1', patientId: held }),
      ).toMatchObject({ phiAccess: true, actor: { role: 'auditor' } }),
    );
    await call(url, 'DELETE', `/api/v1/audit/legal-holds/${held}`, admin);
  });
});
