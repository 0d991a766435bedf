import { mongo } from 'mongoose';
import { retryUpsert } from './retry-upsert';

/** An upsert of one document named by `_id`. */
export type Upsert<T extends { _id: string }> = mongo.AnyBulkWriteOperation<T> & {
  updateOne: { filter: { _id: string }; update: mongo.UpdateFilter<T> };
};

/**
 * The upserts as inserts first, in one unordered batch: FerretDB executes each upsert as a read
 * then a write (tens of ms each), while a batch insert is one round trip. Only documents that
 * already exist (a duplicate key) get their update, one by one.
 */
export async function insertOrUpdate<T extends { _id: string }>(
  collection: mongo.Collection<T>,
  upserts: readonly Upsert<T>[],
): Promise<void> {
  if (upserts.length === 0) return;
  const byId = new Map<string, Upsert<T>[]>();
  for (const upsert of upserts) {
    const id = upsert.updateOne.filter._id;
    byId.set(id, [...(byId.get(id) ?? []), upsert]);
  }
  const inserts = [...byId].map(([id, [first]]) =>
    initial(id, (first?.updateOne.update ?? {}) as mongo.Document),
  );
  let existing: string[] = [];
  try {
    await collection.insertMany(inserts as mongo.OptionalUnlessRequiredId<T>[], { ordered: false });
  } catch (error) {
    if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
    const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (errors.some((e) => e.code !== 11000)) throw error;
    existing = errors.map((e) => String((inserts[e.index] as { _id: string })._id));
  }
  // Documents inserted now got their first effect; the rest of their effects, and every effect
  // on documents that existed, are applied as updates (idempotent: $set of facts, $min/$max).
  const updates = [...byId].flatMap(([id, list]) => (existing.includes(id) ? list : list.slice(1)));
  for (const { updateOne } of updates)
    await retryUpsert(() =>
      collection.updateOne(updateOne.filter as mongo.Filter<T>, updateOne.update, { upsert: true }),
    );
}

/** The document an upsert of `update` would create on an empty collection. */
function initial(id: string, update: mongo.Document): mongo.Document {
  const operators = update as Record<string, Record<string, unknown> | undefined>;
  const sets = Object.fromEntries(
    Object.entries(operators['$addToSet'] ?? {}).map(([field, value]) => [
      field,
      [...new Set((value as { $each?: unknown[] }).$each ?? [value])],
    ]),
  );
  return {
    _id: id,
    ...operators['$setOnInsert'],
    ...operators['$set'],
    ...operators['$min'],
    ...operators['$max'],
    ...sets,
  };
}
