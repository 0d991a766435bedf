import { mongo } from 'mongoose';

/**
 * A collection, or a mongoose model whose collection is then written directly: mongoose's
 * strict schemas would otherwise silently drop the guard field of a schema that lacks it.
 */
export type IdempotentTarget =
  | mongo.Collection<mongo.Document>
  | { readonly modelName: string; readonly collection: mongo.Collection<mongo.Document> };

/**
 * The document an effect goes to: `_id`, the key the guard relies on (the upsert's insert
 * collides on it when the document has already seen the event). Further conditions are
 * allowed and act as a precondition: an existing document that fails them collides the same
 * way, is left alone, and the event is reported as not applied (e.g. an event older than the
 * document's state). Effects with such conditions are never merged with others.
 */
export type EffectFilter = { readonly _id: unknown } & Readonly<Record<string, unknown>>;

/**
 * The effect as a MongoDB update document (`$inc`, `$set`, `$max`, `$push`...), passed to the
 * driver as written.
 */
export type EffectUpdate = { readonly [operator: `$${string}`]: Readonly<Record<string, unknown>> };

/** One effect of one event. */
export interface EffectOfEvent {
  readonly filter: EffectFilter;
  readonly update: EffectUpdate;
  readonly eventId: string;
}

export interface ApplyOnceOptions {
  /** Field holding the ids of the events applied to the document; default `applied`. */
  readonly field?: string;
  /**
   * Ids kept per document, newest last; default 1000. Kafka redelivers only what was not yet
   * committed, so this needs to cover the events one document receives in a few batches.
   */
  readonly keep?: number;
}
