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
  type: string;
  data: unknown;
  metadata: Record<string, string>;
  recordedAt: Date;
  pending?: boolean;
  publishedAt?: Date;
}

export const eventDocumentSchema = new Schema<EventDocument>(
  {
    _id: { type: String, required: true },
    streamId: { type: String, required: true },
    version: { type: Number, required: true },
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
eventDocumentSchema.index({ pending: 1, recordedAt: 1 }, { name: 'outbox' });
