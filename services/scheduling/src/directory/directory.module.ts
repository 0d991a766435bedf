import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { DIRECTORY_READER } from './directory.port';
import { FhirDirectoryController } from './fhir/fhir-directory.controller';
import { PractitionerRolesQuery } from './fhir/practitioner-roles.query';
import { DirectoryImportController } from './import/directory-import.controller';
import { FhirJsonBodyMiddleware } from './import/fhir-json-body.middleware';
import { ImportDirectoryHandler } from './import/import-directory.handler';
import { DirectoryStore } from './infrastructure/directory.projection';
import { DirectoryViewsReader } from './read/directory.reader';
import { DirectoryQueries } from './directory.queries';
import { OrganizationReach } from './organization-reach';
import { DirectoryReadsController } from './read/directory-reads.controller';
import { DirectoryRecordsController } from './record/directory-records.controller';
import { DirectoryRecorder } from './directory.recorder';
import { RecordDirectoryHandler } from './record/record-directory.handler';

const httpControllers = [
  DirectoryRecordsController,
  DirectoryReadsController,
  FhirDirectoryController,
  DirectoryImportController,
];
const commandHandlers = [RecordDirectoryHandler, DirectoryRecorder, ImportDirectoryHandler];
const queryHandlers = [
  DirectoryQueries,
  DirectoryViewsReader,
  OrganizationReach,
  PractitionerRolesQuery,
];
const repositories = [DirectoryStore];

/**
 * The directory: organizations, clinics and staff, recorded as events and read from views
 * keyed by `_id`. Exports `DIRECTORY_READER` for booking (licences, interpreters). Needs
 * ClockModule.
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
export class DirectoryModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(FhirJsonBodyMiddleware)
      .forRoutes({ path: 'api/v1/directory/import', method: RequestMethod.POST });
  }
}
