import { createHash } from 'node:crypto';
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
    // The event id's hash is part of the entry (and so of its hash) because its tombstone keeps it.
    const unhashed = {
      ...record,
      eventIdHash: eventIdHash(record.eventId),
      seq,
      recordedAt,
      prevHash: hash,
    };
    hash = entryHash(unhashed);
    return { ...unhashed, hash };
  });
}

/**
 * The hash a tombstone keeps of its entry's event id: enough for the intake to refuse a replay of
 * the purged event (a unique index over it), not the id itself.
 */
export function eventIdHash(eventId: string): string {
  return createHash('sha256').update(`thc-audit-event|${eventId}`).digest('hex');
}

/** The hash a tombstone keeps of its entry's patient, so a purge of a held patient shows. */
export function patientIdHash(patientId: string): string {
  return createHash('sha256').update(`thc-audit-patient|${patientId}`).digest('hex');
}
