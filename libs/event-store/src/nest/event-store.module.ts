import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { MongoEventStore } from '../mongo-event-store';

/** The service's event store on its own database; indexes are ensured before first use. */
@Module({
  providers: [
    {
      provide: MongoEventStore,
      inject: [getConnectionToken()],
      useFactory: async (connection: Connection) => {
        const store = new MongoEventStore(connection);
        await store.init();
        return store;
      },
    },
  ],
  exports: [MongoEventStore],
})
export class EventStoreModule {}
