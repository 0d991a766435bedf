import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { ClinicScopeModule } from '../clinic-scope/clinic-scope.module';
import { DirectoryModule } from '../directory/directory.module';
import { ConsentRepository } from './consent.repository';
import { GrantConsentController } from './grant-consent/grant-consent.controller';
import { ReadConsentsController } from './read-consents/read-consents.controller';
import { RevokeConsentController } from './revoke-consent/revoke-consent.controller';

const httpControllers = [GrantConsentController, RevokeConsentController, ReadConsentsController];

/** Patient consent (FHIR Consent shaped): grant, revoke, read; emits ConsentGranted/Revoked. */
@Module({
  imports: [EventStoreModule, PhiAccessModule, ClinicScopeModule, DirectoryModule],
  controllers: httpControllers,
  providers: [ConsentRepository],
  exports: [ConsentRepository],
})
export class ConsentModule {}
