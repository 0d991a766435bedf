import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { DIRECTORY_READER } from './directory.port';
import { FhirDirectoryController } from './fhir/fhir-directory.controller';
import { DirectoryStore } from './infrastructure/directory.store';
import { DirectoryViewsReader } from './read/directory.reader';
import { DirectoryQueries } from './read/directory.queries';
import { DirectoryReadsController } from './read/directory-reads.controller';
import { DirectoryRecordsController } from './record/directory-records.controller';
import { DirectoryRecorder } from './record/directory.recorder';
import { RecordDirectoryHandler } from './record/record-directory.handler';

const httpControllers = [
  DirectoryRecordsController,
  DirectoryReadsController,
  FhirDirectoryController,
];
const commandHandlers = [RecordDirectoryHandler, DirectoryRecorder];
const queryHandlers = [DirectoryQueries, DirectoryViewsReader];
const repositories = [DirectoryStore];

/**
 * The directory: organizations, clinics and staff, recorded as events and read from views
 * keyed by `_id`. Exports `DIRECTORY_READER` for booking (licences, interpreters). Needs
 * SchedulingClockModule.
 */
@Module({
  imports: [EventStoreModule],
  controllers: httpControllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    ...repositories,
    { provide: DIRECTORY_READER, useExisting: DirectoryViewsReader },
  ],
  exports: [DIRECTORY_READER],
})
export class DirectoryModule {}
