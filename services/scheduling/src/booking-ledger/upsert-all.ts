import { mongo } from 'mongoose';

const DUPLICATE_KEY = 11000;

/** One upsert: the document `filter` names (by `_id`, maybe with a guard), and its change. */
export interface Upsert<T extends mongo.Document> {
  readonly filter: mongo.Filter<T>;
  readonly update: mongo.UpdateFilter<T>;
}

/**
 * Idempotent upserts of read-model documents in one unordered bulk write: one round trip for
 * all of them. A duplicate key is either an insert race (two writers creating one document at
 * once) or, for a filter with a guard beside `_id`, the guard's answer (the document already
 * holds a newer version). Then every upsert is sent again on its own, a second time after a
 * race; a second duplicate is the guard's answer and is left alone. Again every one, not only
 * the refused: FerretDB 1.24 stops an unordered update at its first error and does not say
 * reliably where, and repeating an idempotent upsert that did apply changes nothing.
 */
export async function upsertAll<T extends mongo.Document>(
  collection: mongo.Collection<T>,
  upserts: readonly Upsert<T>[],
): Promise<void> {
  if (upserts.length === 0) return;
  try {
    await collection.bulkWrite(
      upserts.map(({ filter, update }) => ({ updateOne: { filter, update, upsert: true } })),
      { ordered: false },
    );
    return;
  } catch (error) {
    if (!onlyDuplicateKeys(error)) throw error;
  }
  for (const { filter, update } of upserts) {
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        await collection.updateOne(filter, update, { upsert: true });
        break;
      } catch (error) {
        if (!onlyDuplicateKeys(error)) throw error;
      }
    }
  }
}

function onlyDuplicateKeys(error: unknown): boolean {
  if (error instanceof mongo.MongoBulkWriteError) {
    const errors = [error.writeErrors].flat();
    return errors.length > 0 && errors.every((e) => e.code === DUPLICATE_KEY);
  }
  return (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}
