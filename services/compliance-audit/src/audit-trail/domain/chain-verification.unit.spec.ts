import { AuditEntry, StoredAuditEntry } from './audit-entry';
import { chainRecords, checkpointPayload, signCheckpoint } from './audit-hash';
import { AuditRecord } from './audit-record';
import { Checkpoint, ChainVerifier } from './chain-verification';

const key = Buffer.alloc(32, 7);
const record = (i: number): AuditRecord => ({
  eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: 'thc.scheduling.AppointmentBooked.v1',
  source: '/thc/scheduling',
  subject: `appointment-${i}`,
  action: 'C',
  outcome: '0',
  actor: { kind: 'user', id: 'a', role: 'coordinator' },
  resource: { type: 'Appointment', id: String(i) },
  service: 'scheduling',
  occurredAt: `2026-03-02T14:00:0${i % 10}.000Z`,
  phiAccess: false,
  data: { n: i, nested: { b: 1, a: [1, 2] } },
});

const chain = (n: number): AuditEntry[] =>
  chainRecords(
    Array.from({ length: n }, (_, i) => record(i + 1)),
    { seq: 0, hash: '0'.repeat(64) },
    '2026-03-02T15:00:00.000Z',
  );

function checkpoint(entry: AuditEntry): Checkpoint {
  const signedAt = '2026-03-02T15:00:01.000Z';
  return {
    seq: entry.seq,
    hash: entry.hash,
    signedAt,
    keyId: 'k',
    signature: signCheckpoint(key, checkpointPayload(entry.seq, entry.hash, signedAt)),
  };
}

function verify(
  entries: readonly StoredAuditEntry[],
  head: number,
  checkpoints: Checkpoint[] = [],
) {
  const verifier = new ChainVerifier(new Map(), new Set(checkpoints.map((c) => c.seq)));
  for (const entry of entries) if (!verifier.next(entry)) break;
  return verifier.finish(
    head,
    checkpoints,
    (c) => c.signature === signCheckpoint(key, checkpointPayload(c.seq, c.hash, c.signedAt)),
  );
}

describe('hash chain verification', () => {
  it('an untouched chain verifies, with its checkpoints', () => {
    const entries = chain(6);
    expect(verify(entries, 6, [checkpoint(entries[2] as AuditEntry)])).toMatchObject({
      intact: true,
      entries: 6,
      lastSeq: 6,
      checkpointsVerified: 1,
    });
  });

  it('field order in storage does not matter', () => {
    const entries = chain(2).map(
      (e) => Object.fromEntries(Object.entries(e).reverse()) as unknown as AuditEntry,
    );
    expect(verify(entries, 2).intact).toBe(true);
  });

  it('an altered entry breaks at that entry', () => {
    const entries = chain(5);
    entries[2] = { ...(entries[2] as AuditEntry), actor: { kind: 'user', id: 'b', role: 'admin' } };
    expect(verify(entries, 5).firstBreak).toMatchObject({ seq: 3, reason: 'content-altered' });
  });

  it('a deleted entry breaks at its number', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verify(entries, 5).firstBreak).toMatchObject({ seq: 2, reason: 'missing' });
  });

  it('swapped entries break at the first of them', () => {
    const entries = chain(5);
    const [a, b] = [entries[1] as AuditEntry, entries[2] as AuditEntry];
    entries[1] = { ...b, seq: 2 };
    entries[2] = { ...a, seq: 3 };
    expect(verify(entries, 5).firstBreak).toMatchObject({ seq: 2, reason: 'link-broken' });
  });

  it('a removed tail is caught by the head and by checkpoints', () => {
    const entries = chain(5);
    expect(verify(entries.slice(0, 4), 5).firstBreak).toMatchObject({
      seq: 5,
      reason: 'truncated',
    });
    expect(
      verify(entries.slice(0, 4), 4, [checkpoint(entries[4] as AuditEntry)]).firstBreak,
    ).toMatchObject({ reason: 'truncated' });
  });

  it('a chain rewritten with recomputed hashes no longer matches its signed checkpoint', () => {
    const entries = chain(5);
    const signed = checkpoint(entries[3] as AuditEntry);
    const forged = chainRecords(
      entries
        .map((e, i) => (i === 1 ? { ...e, actor: { kind: 'user', id: 'x', role: 'admin' } } : e))
        .map(
          ({ seq: _s, recordedAt: _r, prevHash: _p, hash: _h, tombstone: _t, ...r }) =>
            r as AuditRecord,
        ),
      { seq: 0, hash: '0'.repeat(64) },
      '2026-03-02T15:00:00.000Z',
    );
    expect(verify(forged, 5, [signed]).firstBreak).toMatchObject({
      seq: 4,
      reason: 'checkpoint-mismatch',
    });
    expect(
      verify(entries, 5, [{ ...signed, signature: 'ab'.repeat(32) }]).firstBreak,
    ).toMatchObject({ reason: 'checkpoint-signature-invalid' });
  });
});
