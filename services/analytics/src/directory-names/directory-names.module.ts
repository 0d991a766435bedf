import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { DirectoryNamesCollections } from './directory-names.collections';
import { DirectoryNamesProjection } from './directory-names.projection';
import { DirectoryNamesReader } from './directory-names.reader';

const stores = [
  {
    provide: DirectoryNamesCollections,
    inject: [getConnectionToken()],
    useFactory: (connection: Connection) => {
      if (!connection.db) throw new Error('MongoDB connection not open');
      return new DirectoryNamesCollections(connection.db);
    },
  },
];
const projections = [
  {
    provide: DirectoryNamesProjection,
    inject: [DirectoryNamesCollections],
    useFactory: (store: DirectoryNamesCollections) => new DirectoryNamesProjection(store),
  },
];
const queries = [DirectoryNamesReader];

/** The directory's clinic and staff names (and clinic rosters), from `thc.scheduling.v1`. */
@Module({
  providers: [...stores, ...projections, ...queries],
  exports: [DirectoryNamesProjection, DirectoryNamesReader],
})
export class DirectoryNamesModule {}
