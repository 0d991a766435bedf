import { NestExpressApplication } from '@nestjs/platform-express';
import { bearer, TestNamespace, callService as call } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { AUDIT_SETTINGS, AuditSettings } from '../audit.settings';
import {
  complianceTestEnv,
  createComplianceTopics,
  startComplianceApp,
} from '../testing/compliance-test-app';
import { AppendOutcome, AuditChainWriter } from './audit-chain.writer';
import { AuditCheckpoints } from './audit-checkpoints';
import { AuditTrailCollections } from './audit-trail.collections';
import { AuditRecord } from './domain/audit-record';
import { ChainVerdict } from './domain/chain-verification';
import { HeadsPublisher } from './heads-publisher';
import { Clock, CLOCK } from '@thc/service-runtime';

const RECORDS = 3000;
// Above FerretDB's internal insert batch (100), where an ordered insert must still stop at the
// first duplicate rather than carry on with the next internal batch.
const BATCH = 250;

const record = (i: number): AuditRecord => ({
  eventId: randomUUID(),
  type: 'thc.compliance.PhiAccessed.v1',
  source: '/thc/scheduling',
  subject: `phi-access-${randomUUID()}`,
  action: 'R',
  outcome: '0',
  actor: { kind: 'user', id: randomUUID(), role: 'provider' },
  patientId: randomUUID(),
  resource: { type: 'Appointment', id: randomUUID() },
  service: 'scheduling',
  occurredAt: new Date(Date.UTC(2026, 2, 2, 14, 0, 0, i)).toISOString(),
  purpose: 'treatment',
  phiAccess: true,
  data: { n: i },
});

describe('three writers appending thousands of records at once', () => {
  const ns = new TestNamespace('audit-concurrent');
  let app: NestExpressApplication;
  let url: string;
  let auditor: Record<string, string>;
  let collections: AuditTrailCollections;
  const writers: AuditChainWriter[] = [];

  beforeAll(async () => {
    complianceTestEnv(ns, { AUDIT_CHECKPOINT_EVERY: '100' });
    await createComplianceTopics(ns);
    ({ app, url } = await startComplianceApp());
    collections = app.get(AuditTrailCollections);
    auditor = await bearer('auditor', randomUUID());
    const settings = app.get<AuditSettings>(AUDIT_SETTINGS);
    const clock = app.get<Clock>(CLOCK);
    const heads = app.get(HeadsPublisher);
    writers.push(app.get(AuditChainWriter));
    // Two more instances of the service: each its own connection pool, its own cached tail.
    for (let i = 0; i < 2; i++) {
      const own = new AuditTrailCollections(await ns.connect('thc_compliance_audit'));
      writers.push(
        new AuditChainWriter(own, new AuditCheckpoints(own, heads, settings, clock), clock),
      );
    }
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await ns.dispose();
  }, 180_000);

  const verify = async (): Promise<ChainVerdict> => {
    const response = await call(url, 'GET', '/api/v1/audit/verify', auditor);
    expect(response.status).toBe(200);
    return response.body as ChainVerdict;
  };

  it('keeps every record exactly once in a gap-free chain that verifies, also while appends go on', async () => {
    const records = Array.from({ length: RECORDS }, (_, i) => record(i));
    const third = RECORDS / 3;
    // Every record is offered by two writers, as when a partition moves between instances and
    // the new owner gets messages the old one had already chained.
    const shares = [
      records.slice(0, 2 * third),
      records.slice(third),
      [...records.slice(2 * third), ...records.slice(0, third)],
    ];
    const appendAll = async (writer: AuditChainWriter, share: readonly AuditRecord[]) => {
      const outcomes: AppendOutcome[] = [];
      for (let i = 0; i < share.length; i += BATCH)
        outcomes.push(await writer.append(share.slice(i, i + BATCH)));
      return outcomes;
    };
    let appending = true;
    const appends = Promise.all(
      writers.map((writer, i) => appendAll(writer, shares[i] ?? [])),
    ).finally(() => (appending = false));
    const verdictsDuringAppends: ChainVerdict[] = [];
    while (appending) {
      verdictsDuringAppends.push(await verify());
      // A pause between reports, so verification does not crowd out the appends it watches.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const outcomes = (await appends).flat();

    // What the writers reported is what is stored: each record appended once, at the stored place.
    const appended = outcomes.flatMap((outcome) => outcome.appended);
    expect(appended).toHaveLength(RECORDS);
    expect(new Set(appended.map((entry) => entry.eventId)).size).toBe(RECORDS);
    expect(outcomes.flatMap((outcome) => outcome.duplicates)).toHaveLength(RECORDS);
    const stored = await collections.entries
      .find({}, { projection: { _id: 1, eventId: 1, hash: 1 } })
      .sort({ _id: 1 })
      .toArray();
    expect(stored.map((entry) => entry._id)).toEqual(
      Array.from({ length: RECORDS }, (_, i) => i + 1),
    );
    const storedByEvent = new Map(
      stored.map((entry) => [entry.tombstone ? '' : entry.eventId, entry]),
    );
    expect(records.filter((r) => !storedByEvent.has(r.eventId))).toEqual([]);
    for (const entry of appended)
      expect(storedByEvent.get(entry.eventId)).toEqual({
        _id: entry.seq,
        eventId: entry.eventId,
        hash: entry.hash,
      });

    // The head is a hint written after the entries: never ahead of them, and reported as read.
    const head = await collections.head.findOne({ _id: 'head' });
    expect(head?.seq).toBeGreaterThan(0);
    expect(head?.seq).toBeLessThanOrEqual(RECORDS);
    expect(await verify()).toMatchObject({
      intact: true,
      entries: RECORDS,
      lastSeq: RECORDS,
      headSeq: head?.seq,
    });
    // Reports made while appends went on describe a prefix of the chain, never a false break.
    expect(verdictsDuringAppends.length).toBeGreaterThan(0);
    for (const verdict of verdictsDuringAppends) {
      // The break, when there is one, is in the message: a verdict is only judged with its reason.
      expect({ intact: verdict.intact, firstBreak: verdict.firstBreak }).toEqual({ intact: true });
      expect(verdict).toMatchObject({ entries: verdict.lastSeq });
      expect(verdict.lastSeq).toBeLessThanOrEqual(RECORDS);
      expect(verdict.headSeq).toBeLessThanOrEqual(verdict.lastSeq);
      expect(verdict.lastHash).toBe(
        verdict.lastSeq === 0
          ? '0'.repeat(64)
          : appended.find((e) => e.seq === verdict.lastSeq)?.hash,
      );
    }
  }, 300_000);
});
