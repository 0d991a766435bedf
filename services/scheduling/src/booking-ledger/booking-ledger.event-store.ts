import { MongoEventStore } from '@thc/event-store';
import { Connection } from 'mongoose';

/**
 * The booking ledger's own event store: a separate collection that no outbox relay reads, so
 * its internal claims never reach Kafka. Same concurrency rules as every stream.
 */
export const BOOKING_LEDGER_STORE = Symbol('BOOKING_LEDGER_STORE');

export async function createBookingLedgerStore(connection: Connection): Promise<MongoEventStore> {
  const store = new MongoEventStore(connection, { collection: 'booking_ledger' });
  await store.init();
  return store;
}
