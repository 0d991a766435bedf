import { mongo } from 'mongoose';

export const DUPLICATE_KEY = 11000;

/**
 * Documents per insert command. FerretDB 1.24 splits an insert into batches of 100 (its default
 * batch size) and, after a duplicate key in one batch, goes on with the next batches despite
 * `ordered: true`. For the chain that is fatal: entries past a number another writer took would
 * land with a stale `prevHash` (a fork) and be counted as inserted. Within one batch FerretDB
 * does stop, so no command may be larger than a batch. MongoDB honours `ordered` at any size.
 */
export const INSERT_CHUNK = 100;

/**
 * Inserts in order, in chunks; returns how many documents went in before the first duplicate key
 * stopped it. Throws if the server reports a count that an ordered insert cannot have (more
 * documents than precede the failure): the chain must not be built on such an answer.
 */
export async function insertInOrder<T extends mongo.Document>(
  collection: mongo.Collection<T>,
  documents: readonly mongo.OptionalUnlessRequiredId<T>[],
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < documents.length; start += INSERT_CHUNK) {
    const chunk = documents.slice(start, start + INSERT_CHUNK);
    const went = await insertChunk(collection, chunk);
    inserted += went;
    if (went < chunk.length) break;
  }
  return inserted;
}

async function insertChunk<T extends mongo.Document>(
  collection: mongo.Collection<T>,
  chunk: readonly mongo.OptionalUnlessRequiredId<T>[],
): Promise<number> {
  try {
    await collection.insertMany(chunk, { ordered: true });
    return chunk.length;
  } catch (error) {
    if (!(error instanceof mongo.MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
    if (!(error instanceof mongo.MongoBulkWriteError)) return 0;
    const failedAt = Math.min(...[error.writeErrors].flat().map((e) => e.index));
    if (error.insertedCount !== failedAt)
      throw new Error(
        `ordered insert stopped at document ${failedAt} but the server reports ${error.insertedCount} inserted`,
      );
    return failedAt;
  }
}
