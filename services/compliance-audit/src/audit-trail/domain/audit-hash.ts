import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AuditEntry } from './audit-entry';
import { AuditRecord } from './audit-record';

/**
 * JSON with object keys sorted and undefined left out: the same content always hashes the
 * same, whatever order the database returns the fields in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const fields = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
  return `{${fields.join(',')}}`;
}

/** SHA-256 over the entry's content, its sequence number and the previous entry's hash. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson({ ...entry, hash: undefined }))
    .digest('hex');
}

/** Chains records after `previous`: sequence numbers and hashes, in order. */
export function chainRecords(
  records: readonly AuditRecord[],
  previous: { readonly seq: number; readonly hash: string },
  recordedAt: string,
): AuditEntry[] {
  let { seq, hash } = previous;
  return records.map((record) => {
    seq += 1;
    const unhashed = { ...record, seq, recordedAt, prevHash: hash };
    hash = entryHash(unhashed);
    return { ...unhashed, hash };
  });
}

/** What a checkpoint signs: the chain up to `seq` ends in `hash`, as of `signedAt`. */
export function checkpointPayload(seq: number, hash: string, signedAt: string): string {
  return `thc-audit-checkpoint|${seq}|${hash}|${signedAt}`;
}

export function signCheckpoint(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

export function checkpointSignatureValid(
  secret: Buffer,
  payload: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signCheckpoint(secret, payload), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
