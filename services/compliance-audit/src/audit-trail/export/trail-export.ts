import { mongo } from 'mongoose';
import type { CheckpointDocument, EntryDocument, HeadDocument } from '../audit-trail.collections';
import { StoredAuditEntry } from '../domain/audit-entry';
import { Checkpoint } from '../domain/checkpoint-signature';

export const EXPORT_FORMAT = 'thc-audit-export';
export const EXPORT_VERSION = 1;

/** The first line of an export. */
export interface ExportHeader {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly exportedAt: string;
  /** The last entry exported: the snapshot's tail. */
  readonly lastSeq: number;
  /** The head hint of the database when the export started. */
  readonly headSeq: number;
}

/** One line of an export after the header. */
export type ExportLine = { readonly entry: StoredAuditEntry } | { readonly checkpoint: Checkpoint };

/**
 * The trail as newline-delimited JSON, for a verifier that trusts neither the database nor this
 * service: the header, every entry in sequence order (as stored, `_id` as `seq`), then every
 * signed checkpoint. Read in the order verification reads (checkpoints and head before the last
 * entry), so a checkpoint never names an entry the export lacks.
 */
export async function* trailExport(
  collections: {
    readonly entries: mongo.Collection<EntryDocument>;
    readonly checkpoints: mongo.Collection<CheckpointDocument>;
    readonly head: mongo.Collection<HeadDocument>;
  },
  exportedAt: string,
): AsyncGenerator<string> {
  const checkpoints = await collections.checkpoints.find().sort({ _id: 1 }).toArray();
  const head = await collections.head.findOne({ _id: 'head' });
  const [last] = await collections.entries
    .find({}, { projection: { _id: 1 } })
    .sort({ _id: -1 })
    .limit(1)
    .toArray();
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    lastSeq: last?._id ?? 0,
    headSeq: head?.seq ?? 0,
  };
  yield JSON.stringify(header);
  const cursor = collections.entries.find({ _id: { $lte: header.lastSeq } }).sort({ _id: 1 });
  for await (const { _id, ...entry } of cursor)
    yield JSON.stringify({ entry: { ...entry, seq: _id } });
  for (const { _id: _, ...checkpoint } of checkpoints) yield JSON.stringify({ checkpoint });
}
