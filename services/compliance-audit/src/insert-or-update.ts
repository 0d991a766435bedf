import { mongo } from 'mongoose';

const DUPLICATE_KEY = 11000;
const RETRIES = 3;

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
  // on documents that existed, are applied as updates (idempotent and commutative: $set of
  // facts, $min/$max, $addToSet), so in any order.
  const updates = [...byId].flatMap(([id, list]) => (existing.includes(id) ? list : list.slice(1)));
  await updateAll(collection, updates);
}

/**
 * The updates in one unordered bulk write: one round trip instead of one per document (on
 * FerretDB each update is a read and a write on the server, so the round trips were most of the
 * cost). An upsert that lost an insert race to another writer (duplicate key) is sent again and
 * then finds the document.
 */
async function updateAll<T extends { _id: string }>(
  collection: mongo.Collection<T>,
  updates: readonly Upsert<T>[],
): Promise<void> {
  let pending = updates;
  for (let attempt = 1; pending.length > 0; attempt++) {
    try {
      await collection.bulkWrite(
        pending.map(({ updateOne }) => ({
          updateOne: {
            filter: updateOne.filter as mongo.Filter<T>,
            update: updateOne.update,
            upsert: true,
          },
        })),
        { ordered: false },
      );
      return;
    } catch (error) {
      if (!(error instanceof mongo.MongoBulkWriteError) || attempt >= RETRIES) throw error;
      const errors = [error.writeErrors].flat();
      if (errors.some((e) => e.code !== DUPLICATE_KEY)) throw error;
      const lost = new Set(errors.map((e) => e.index));
      pending = pending.filter((_, index) => lost.has(index));
    }
  }
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
