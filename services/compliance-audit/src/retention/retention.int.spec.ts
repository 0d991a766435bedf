import { NestExpressApplication } from '@nestjs/platform-express';
import { MongoEventStore } from '@thc/event-store';
import { bearer, eventually, hostileBodies, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AuditTrailCollections } from '../audit-trail/audit-trail.collections';
import { AuditTombstone } from '../audit-trail/domain/audit-entry';
import {
  complianceTestEnv,
  createComplianceTopics,
  PlatformEventInput,
  publish,
  startComplianceApp,
} from '../testing/compliance-test-app';
import { call } from '../testing/http-client';

const PURGED = 'thc.compliance.AuditEntriesPurged.v1';

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
    expect((await call(url, 'POST', '/api/v1/audit/retention/purge', auditor)).status).toBe(403);

    const purge = await call(url, 'POST', '/api/v1/audit/retention/purge', admin);
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
    const next = await call(url, 'POST', '/api/v1/audit/retention/purge', admin);
    expect(next).toMatchObject({ status: 200, body: { heldCount: 0 } });
    expect(await trail.entries.findOne({ eventId: ids[0] })).toBeNull();
    expect((await call(url, 'GET', '/api/v1/audit/verify', auditor)).body).toMatchObject({
      intact: true,
    });
  });

  it('refuses a retention shorter than six years at start-up', async () => {
    const { auditSettingsFromEnv } = await import('../shared/audit.settings');
    expect(() =>
      auditSettingsFromEnv((name) => (name === 'AUDIT_RETENTION_YEARS' ? '5' : undefined)),
    ).toThrow('AUDIT_RETENTION_YEARS: must be an integer between 6 and 100');
    expect(() =>
      auditSettingsFromEnv((name) => (name === 'NODE_ENV' ? 'production' : undefined)),
    ).toThrow(/AUDIT_CHECKPOINT_KEYS/);
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
});
