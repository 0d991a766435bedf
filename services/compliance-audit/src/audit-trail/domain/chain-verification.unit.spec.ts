import { generateKeyPairSync } from 'node:crypto';
import { AuditEntry, AuditTombstone, StoredAuditEntry } from './audit-entry';
import { chainRecords, eventIdHash, patientIdHash } from './audit-hash';
import { AuditRecord } from './audit-record';
import { ChainVerifier } from './chain-verification';
import {
  Checkpoint,
  checkpointSignatureValid,
  publicKeyId,
  signCheckpoint,
} from './checkpoint-signature';
import { HOLD_PLACED_TYPE, PURGED_TYPE, toRanges, trailRecordsOf } from './purge-rules';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keys = [{ keyId: publicKeyId(publicKey), publicKey }];
const PATIENT = '7d1e6c2a-0b4f-4c55-9d0e-3a1b2c3d4e5f';
const RECORDED = '2026-03-02T15:00:00.000Z';
const NOW = '2026-03-02T15:00:30.000Z';

const record = (i: number, patientId = PATIENT): AuditRecord => ({
  eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: 'thc.scheduling.AppointmentBooked.v1',
  source: '/thc/scheduling',
  subject: `appointment-${i}`,
  action: 'C',
  outcome: '0',
  actor: { kind: 'user', id: 'a', role: 'coordinator' },
  patientId,
  resource: { type: 'Appointment', id: String(i) },
  service: 'scheduling',
  occurredAt: `2015-03-02T14:00:0${i % 10}.000Z`,
  phiAccess: false,
  data: { n: i, nested: { b: 1, a: [1, 2] } },
});

const chain = (n: number, after: AuditEntry[] = []): AuditEntry[] => [
  ...after,
  ...chainRecords(
    Array.from({ length: n }, (_, i) => record(after.length + i + 1)),
    after.at(-1) ?? { seq: 0, hash: '0'.repeat(64) },
    RECORDED,
  ),
];

const sign = (entry: { seq: number; hash: string }, signedAt = RECORDED): Checkpoint =>
  signCheckpoint(privateKey, keys[0]!.keyId, { seq: entry.seq, hash: entry.hash, signedAt });

/** Signed as the service does: at every multiple of `every`, and the tail. */
const signedEvery = (entries: readonly AuditEntry[], every: number): Checkpoint[] =>
  entries.filter((e, i) => e.seq % every === 0 || i === entries.length - 1).map((e) => sign(e));

function verify(
  entries: readonly StoredAuditEntry[],
  options: {
    head?: number;
    checkpoints?: Checkpoint[];
    published?: Checkpoint[];
    every?: number;
    now?: string;
  } = {},
) {
  const checkpoints = options.checkpoints ?? [];
  const published = options.published ?? [];
  const verifier = new ChainVerifier(
    trailRecordsOf(entries),
    new Set([...checkpoints, ...published].map((c) => c.seq)),
  );
  for (const entry of entries) if (!verifier.next(entry)) break;
  return verifier.finish(options.head ?? entries.length, {
    stored: checkpoints,
    published,
    signatureValid: (c) => checkpointSignatureValid(keys, c),
    cadence: { every: options.every ?? 100, intervalMs: 60_000 },
    now: options.now ?? NOW,
  });
}

/** What someone with write access to the database does: rewrite from `from` on, relink. */
function rewriteFrom(entries: readonly AuditEntry[], from: number): AuditEntry[] {
  const kept = entries.slice(0, from - 1);
  const records = entries
    .slice(from - 1)
    .map(({ seq: _s, recordedAt: _r, prevHash: _p, hash: _h, eventIdHash: _e, ...r }) => ({
      ...r,
      actor: { kind: 'user', id: 'x', role: 'admin' },
    })) as AuditRecord[];
  return [
    ...kept,
    ...chainRecords(records, kept.at(-1) ?? { seq: 0, hash: '0'.repeat(64) }, RECORDED),
  ];
}

describe('hash chain verification', () => {
  it('an untouched chain verifies, with its checkpoints', () => {
    const entries = chain(12);
    expect(verify(entries, { checkpoints: signedEvery(entries, 5), every: 5 })).toMatchObject({
      intact: true,
      entries: 12,
      lastSeq: 12,
      checkpointsVerified: 3,
    });
  });

  it('field order in storage does not matter', () => {
    const entries = chain(2).map(
      (e) => Object.fromEntries(Object.entries(e).reverse()) as unknown as AuditEntry,
    );
    expect(verify(entries).intact).toBe(true);
  });

  it('an altered entry breaks at that entry', () => {
    const entries = chain(5);
    entries[2] = { ...(entries[2] as AuditEntry), actor: { kind: 'user', id: 'b', role: 'admin' } };
    expect(verify(entries).firstBreak).toMatchObject({ seq: 3, reason: 'content-altered' });
  });

  it('a deleted entry breaks at its number', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verify(entries, { head: 5 }).firstBreak).toMatchObject({ seq: 2, reason: 'missing' });
  });

  it('swapped entries break at the first of them', () => {
    const entries = chain(5);
    const [a, b] = [entries[1] as AuditEntry, entries[2] as AuditEntry];
    entries[1] = { ...b, seq: 2 };
    entries[2] = { ...a, seq: 3 };
    expect(verify(entries).firstBreak).toMatchObject({ seq: 2, reason: 'link-broken' });
  });

  it('a removed tail is caught by the head and by checkpoints', () => {
    const entries = chain(5);
    expect(verify(entries.slice(0, 4), { head: 5 }).firstBreak).toMatchObject({
      seq: 5,
      reason: 'truncated',
    });
    expect(
      verify(entries.slice(0, 4), { checkpoints: [sign(entries[4] as AuditEntry)] }).firstBreak,
    ).toMatchObject({ reason: 'truncated' });
  });

  it('a checkpoint signed with another key, or altered, is not valid', () => {
    const entries = chain(5);
    const other = generateKeyPairSync('ed25519').privateKey;
    const forged = signCheckpoint(other, keys[0]!.keyId, {
      ...(entries[4] as AuditEntry),
      signedAt: RECORDED,
    });
    expect(verify(entries, { checkpoints: [forged] }).firstBreak).toMatchObject({
      reason: 'checkpoint-signature-invalid',
    });
    const moved = {
      ...sign(entries[4] as AuditEntry),
      seq: 4,
      hash: (entries[3] as AuditEntry).hash,
    };
    expect(verify(entries, { checkpoints: [moved] }).firstBreak).toMatchObject({
      reason: 'checkpoint-signature-invalid',
    });
  });

  describe('someone with write access to the database, without the signing key', () => {
    const entries = chain(12);
    const checkpoints = signedEvery(entries, 5);
    const published = checkpoints;

    it('rewrites from entry 7 on with recomputed links: the checkpoint at 10 no longer matches', () => {
      expect(verify(rewriteFrom(entries, 7), { checkpoints, every: 5 }).firstBreak).toMatchObject({
        seq: 10,
        reason: 'checkpoint-mismatch',
      });
    });

    it('also deletes the checkpoints from 7 on: the published heads still name the old entries', () => {
      const kept = checkpoints.filter((c) => c.seq < 7);
      expect(
        verify(rewriteFrom(entries, 7), { checkpoints: kept, published, every: 5 }).firstBreak,
      ).toMatchObject({ seq: 10, reason: 'checkpoint-mismatch' });
    });

    it('without published heads, the cadence shows a checkpoint is missing', () => {
      const kept = checkpoints.filter((c) => c.seq < 7);
      const longer = rewriteFrom(chain(4, entries), 7);
      expect(verify(longer, { checkpoints: kept, every: 5 }).firstBreak).toMatchObject({
        seq: 10,
        reason: 'checkpoint-missing',
      });
    });

    it('or, for a short tail, that it was left unsigned longer than the interval', () => {
      const short = chain(8);
      const kept = signedEvery(short, 5).filter((c) => c.seq < 7);
      const rewritten = rewriteFrom(short, 7);
      expect(verify(rewritten, { checkpoints: kept, every: 5 }).intact).toBe(true);
      expect(
        verify(rewritten, { checkpoints: kept, every: 5, now: '2026-03-02T16:00:00.000Z' })
          .firstBreak,
      ).toMatchObject({ seq: 6, reason: 'checkpoint-overdue' });
    });

    it('deletes only checkpoints: a published head without its checkpoint is reported', () => {
      expect(
        verify(entries, {
          checkpoints: checkpoints.filter((c) => c.seq !== 10),
          published,
          every: 5,
        }).firstBreak,
      ).toMatchObject({ seq: 10, reason: 'checkpoint-missing' });
    });
  });

  describe('tombstones', () => {
    const entries = chain(6);
    const purgeRecord = (seqs: number[], prefix: AuditEntry[] = entries): AuditEntry[] =>
      chainRecords(
        [
          {
            ...record(99),
            type: PURGED_TYPE,
            patientId: undefined,
            data: {
              purgeId: 'p1',
              cutoff: '2020-01-01T00:00:00.000Z',
              purgedRanges: toRanges(seqs),
            },
          } as AuditRecord,
        ],
        prefix.at(-1) as AuditEntry,
        RECORDED,
      );
    const tombstone = (entry: AuditEntry, purgeId = 'p1'): AuditTombstone => ({
      seq: entry.seq,
      tombstone: true,
      occurredAt: entry.occurredAt,
      purgeId,
      eventIdHash: eventIdHash(entry.eventId),
      patientIdHash: patientIdHash(PATIENT),
      prevHash: entry.prevHash,
      hash: entry.hash,
    });
    const emptied = (trail: StoredAuditEntry[], seqs: number[]) =>
      trail.map((e) => (seqs.includes(e.seq) ? tombstone(e as AuditEntry) : e));

    it('those a purge lists verify', () => {
      expect(verify(emptied([...entries, ...purgeRecord([2, 3])], [2, 3])).intact).toBe(true);
    });

    it('one the purge does not list is a break, even within its first and last', () => {
      expect(
        verify(emptied([...entries, ...purgeRecord([2, 4])], [2, 3, 4])).firstBreak,
      ).toMatchObject({ seq: 3, reason: 'unexplained-tombstone' });
    });

    it('one without any purge is a break', () => {
      expect(verify(emptied([...entries], [2])).firstBreak).toMatchObject({
        seq: 2,
        reason: 'unexplained-tombstone',
      });
    });

    it("one of a patient under legal hold at the purge's time is a break", () => {
      const hold = chainRecords(
        [
          {
            ...record(98),
            type: HOLD_PLACED_TYPE,
            data: { patientId: PATIENT, matter: 'M-1' },
          },
        ],
        entries.at(-1) as AuditEntry,
        RECORDED,
      );
      const withHold = [...entries, ...hold];
      expect(
        verify(emptied([...withHold, ...purgeRecord([2], withHold)], [2])).firstBreak,
      ).toMatchObject({ seq: 2, reason: 'held-entry-purged' });
    });
  });
});
