import { mongo } from 'mongoose';

/**
 * Runs an idempotent upsert again when it lost an insert race: two writers upserting the same
 * new `_id` at once both try to insert, one gets a duplicate key; the retry finds the document
 * and updates it.
 */
export async function retryUpsert<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const duplicate =
        (error instanceof mongo.MongoServerError || error instanceof mongo.MongoBulkWriteError) &&
        error.code === 11000;
      if (!duplicate || attempt >= attempts) throw error;
    }
  }
}
