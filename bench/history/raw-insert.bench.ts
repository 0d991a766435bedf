import { EventDocument, eventDocumentSchema } from '@thc/event-store';
import mongoose from 'mongoose';
import { serviceDatabase } from '../../scripts/seed-history/seed-history';

/**
 * The floor the generator's write rate is compared with: the same event documents (read back
 * from the seeded sessions store) inserted with the raw driver, 500 per unordered insertMany,
 * one after the other, into a fresh collection with the store's indexes.
 */
export async function rawInsertRate(
  mongoUrl: string,
  prefix: string,
  count: number,
): Promise<number> {
  const connection = await mongoose.createConnection(mongoUrl).asPromise();
  const scratch = connection.useDb(`${prefix}raw_insert`);
  try {
    const documents = await connection
      .useDb(serviceDatabase('sessions', prefix))
      .collection<EventDocument>('events')
      .find({})
      .limit(count)
      .toArray();
    await scratch.model('events', eventDocumentSchema, 'events').createIndexes();
    const events = scratch.collection<EventDocument>('events');
    const started = performance.now();
    for (let i = 0; i < documents.length; i += 500)
      await events.insertMany(documents.slice(i, i + 500), { ordered: false });
    return documents.length / ((performance.now() - started) / 1000);
  } finally {
    await scratch.dropDatabase();
    await connection.close();
  }
}
