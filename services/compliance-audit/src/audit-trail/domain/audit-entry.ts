import { AuditRecord } from './audit-record';

/** A chained audit record: its place in the chain, the hash before it, and its own hash. */
export interface AuditEntry extends AuditRecord {
  /** Sequence number, 1-based, gap-free; also the document `_id`. */
  readonly seq: number;
  readonly recordedAt: string;
  /** `eventIdHash(eventId)`; absent on entries chained before tombstones kept it. */
  readonly eventIdHash?: string;
  readonly prevHash: string;
  readonly hash: string;
  readonly tombstone?: undefined;
}

/**
 * What stays of an entry purged after its retention period: its place, its links and the purge
 * that removed its content, so the chain still verifies across it.
 */
export interface AuditTombstone {
  readonly seq: number;
  readonly tombstone: true;
  readonly occurredAt: string;
  readonly purgeId: string;
  /** Unique across the trail with the entries': a replay of the purged event is a duplicate. */
  readonly eventIdHash?: string;
  /** Of the entry's patient, if it had one: the purge is checked against the legal holds. */
  readonly patientIdHash?: string;
  readonly prevHash: string;
  readonly hash: string;
}

export type StoredAuditEntry = AuditEntry | AuditTombstone;

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
