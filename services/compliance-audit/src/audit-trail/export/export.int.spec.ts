import { AUDIT_HEADS_TOPIC } from '@thc/contracts';
import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditIntake } from '../../intake/audit-intake';
import { useComplianceApp } from '../../testing/compliance-test-app';
import { EntryDocument } from '../audit-trail.collections';
import { AuditEntry } from '../domain/audit-entry';
import { chainRecords } from '../domain/audit-hash';
import { AuditRecord } from '../domain/audit-record';
import { ChainVerdict } from '../domain/chain-verification';
import { Checkpoint } from '../domain/checkpoint-signature';
import { HeadsPublisher } from '../heads-publisher';
import { trailExport } from './trail-export';

const EVERY = 5;
const INTERVAL_MS = 2000;

/**
 * The attack the signed, published heads exist for: someone with write access to the audit
 * database (not to the signing key, the heads file or Kafka) rewrites the entries from n on,
 * recomputes every hash and link, deletes the checkpoints from n on and moves the head. The
 * service's verification and the outside verifier both still see it.
 */
describe('the audit trail is tamper-evident to someone who does not trust its database', () => {
  const ns = new TestNamespace('audit-tamper');
  const dir = mkdtempSync(join(tmpdir(), 'audit-tamper-'));
  const headsFile = join(dir, 'heads.jsonl');
  const publicKeyFile = join(dir, 'checkpoint-key.pub.pem');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  const under = useComplianceApp(ns, {
    AUDIT_CHECKPOINT_EVERY: String(EVERY),
    AUDIT_CHECKPOINT_INTERVAL_MS: String(INTERVAL_MS),
    AUDIT_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    AUDIT_HEADS_FILE: headsFile,
  });
  let auditor: Record<string, string>;

  beforeAll(async () => {
    auditor = await bearer('auditor', randomUUID());
  });

  afterAll(() => {
    delete process.env['AUDIT_SIGNING_KEY'];
    delete process.env['AUDIT_HEADS_FILE'];
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = async (): Promise<ChainVerdict> => {
    const response = await call(under.url, 'GET', '/api/v1/audit/verify', auditor);
    expect(response.status).toBe(200);
    return response.body as ChainVerdict;
  };

  /** `npm run audit:verify` on a fresh export, as an outside auditor runs it. */
  const outsideVerifier = async (withHeads: boolean) => {
    const file = join(dir, `export-${randomUUID()}.ndjson`);
    const lines: string[] = [];
    for await (const line of trailExport(under.trail, new Date().toISOString())) lines.push(line);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = spawnSync(
      'npm',
      [
        'run',
        '-s',
        'audit:verify',
        '--',
        '--from',
        file,
        '--public-key',
        publicKeyFile,
        '--every',
        String(EVERY),
        '--interval-ms',
        String(INTERVAL_MS),
        ...(withHeads ? ['--heads', headsFile] : []),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    return { status: run.status, verdict: JSON.parse(run.stdout || '{}') as ChainVerdict };
  };

  const bookings = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: randomUUID(),
      source: '/thc/compliance-audit',
      type: 'thc.compliance.LegalHoldPlaced.v1',
      subject: `legal-hold-${randomUUID()}`,
      time: new Date(Date.now() + i).toISOString(),
      data: { patientId: randomUUID(), matter: `MATTER-${i}` },
    }));

  it('serves the public key that checks its checkpoints, and publishes every signed head to Kafka and the heads file', async () => {
    await under.app.get(AuditIntake).ingest(bookings(12));
    await under.app.get(HeadsPublisher).flush();
    const keys = await call(under.url, 'GET', '/api/v1/audit/checkpoint-keys', {});
    expect(keys).toMatchObject({ status: 200, body: [{ algorithm: 'Ed25519', current: true }] });
    expect((keys.body as { publicKeyPem: string }[])[0]?.publicKeyPem.trim()).toBe(
      (await import('node:fs')).readFileSync(publicKeyFile, 'utf8').trim(),
    );

    const checkpoints = await under.trail.checkpoints.find().sort({ _id: 1 }).toArray();
    expect(checkpoints.map((c) => c.seq)).toEqual(expect.arrayContaining([5, 10]));
    const published: Checkpoint[] = [];
    const consumer = ns.kafka().consumer({ groupId: ns.group('heads-reader') });
    await consumer.connect();
    await consumer.subscribe({ topic: ns.topic(AUDIT_HEADS_TOPIC), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        published.push(JSON.parse(message.value?.toString() ?? '{}') as Checkpoint);
      },
    });
    try {
      await eventually(async () =>
        expect(published.map((head) => head.seq)).toEqual(expect.arrayContaining([5, 10])),
      );
    } finally {
      await consumer.disconnect();
    }
    expect(published.find((head) => head.seq === 10)?.hash).toBe(
      checkpoints.find((c) => c.seq === 10)?.hash,
    );

    expect(await verify()).toMatchObject({ intact: true, lastSeq: 12 });
    expect((await verify()).publishedHeadsChecked).toBeGreaterThanOrEqual(2);
    expect(await outsideVerifier(true)).toMatchObject({
      status: 0,
      verdict: { intact: true, lastSeq: 12 },
    });
  }, 120_000);

  it('rewrite from entry n, recomputed links, checkpoints from n and the head deleted: both verifiers report the break', async () => {
    await under.app.get(HeadsPublisher).flush();
    const n = 4;
    const stored = await under.trail.entries
      .find({ _id: { $gte: n - 1 } })
      .sort({ _id: 1 })
      .toArray();
    const [before, ...rest] = stored as (EntryDocument & AuditEntry)[];
    expect(rest.length).toBeGreaterThan(EVERY);
    // The attacker's version of history: the same events, another actor, every link recomputed.
    const forged = chainRecords(
      rest.map(
        ({ _id, seq: _s, recordedAt: _r, prevHash: _p, hash: _h, eventIdHash: _e, ...record }) =>
          ({ ...record, actor: { kind: 'system', service: 'forged' } }) as AuditRecord,
      ),
      { seq: n - 1, hash: before?.hash ?? '' },
      rest[0]?.recordedAt ?? '',
    );
    for (const entry of forged) await under.trail.entries.replaceOne({ _id: entry.seq }, entry);
    await under.trail.checkpoints.deleteMany({ _id: { $gte: n } });
    await under.trail.head.deleteOne({ _id: 'head' });

    // Held against the heads published off the database.
    expect((await verify()).firstBreak).toMatchObject({ seq: 5, reason: 'checkpoint-mismatch' });
    expect(await outsideVerifier(true)).toMatchObject({
      status: 1,
      verdict: { intact: false, firstBreak: { seq: 5, reason: 'checkpoint-mismatch' } },
    });
    // Even without the heads, the cadence gives it away once the writers have had time to sign:
    // entries 1 to 12 carry no checkpoint.
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    expect(await outsideVerifier(false)).toMatchObject({
      status: 1,
      verdict: { intact: false, firstBreak: { seq: 5, reason: 'checkpoint-missing' } },
    });
  }, 120_000);
});
