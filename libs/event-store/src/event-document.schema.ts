import { Schema } from 'mongoose';

/**
 * One document per event. `_id` is the event id; the unique (streamId, version) index is
 * what turns a stale concurrent append into a conflict instead of an overwrite.
 * `pending` marks the outbox entry until the relay has published it.
 */
export interface EventDocument {
  _id: string;
  streamId: string;
  version: number;
  /**
   * First and last version written by the append this event belongs to. Readers show an
   * append only once its last document exists, which makes a multi-event append
   * all-or-nothing without transactions. Absent on documents written before batches were
   * recorded: each such document is a batch of one.
   */
  batchStart?: number;
  batchEnd?: number;
  type: string;
  data: unknown;
  metadata: Record<string, string>;
  /** When the append started; also how the store tells an abandoned append from one in flight. */
  recordedAt: Date;
  pending?: boolean;
  publishedAt?: Date;
}

export const eventDocumentSchema = new Schema<EventDocument>(
  {
    _id: { type: String, required: true },
    streamId: { type: String, required: true },
    version: { type: Number, required: true },
    batchStart: { type: Number },
    batchEnd: { type: Number },
    type: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    metadata: { type: Schema.Types.Mixed, default: {} },
    recordedAt: { type: Date, required: true },
    pending: { type: Boolean },
    publishedAt: { type: Date },
  },
  { versionKey: false, minimize: false, strict: true },
);

eventDocumentSchema.index({ streamId: 1, version: 1 }, { unique: true, name: 'stream_version' });
// The relay reads pending events in stream order; no partial index, which FerretDB lacks.
eventDocumentSchema.index(
  { pending: 1, streamId: 1, version: 1 },
  { name: 'outbox_in_stream_order' },
);
