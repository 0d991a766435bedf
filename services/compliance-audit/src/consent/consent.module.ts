import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { ClinicScopeModule } from '../clinic-scope/clinic-scope.module';
import { DirectoryModule } from '../directory/directory.module';
import { GrantConsentWhenGivenAtJoin } from './consent-at-join/grant-consent-when-given-at-join.consumer';
import { ConsentRepository } from './consent.repository';
import { GrantConsentController } from './grant-consent/grant-consent.controller';
import { GrantConsentHandler } from './grant-consent/grant-consent.handler';
import { ReadConsentsController } from './read-consents/read-consents.controller';
import { ReadConsentsQuery } from './read-consents/read-consents.query';
import { RevokeConsentController } from './revoke-consent/revoke-consent.controller';
import { RevokeConsentHandler } from './revoke-consent/revoke-consent.handler';

const httpControllers = [GrantConsentController, RevokeConsentController, ReadConsentsController];
const useCases = [GrantConsentHandler, RevokeConsentHandler, ReadConsentsQuery];
const messageConsumers = [GrantConsentWhenGivenAtJoin];

/**
 * Patient consent (FHIR Consent shaped): grant, revoke, read, and the consents patients give on
 * the visit page (from sessions); emits ConsentGranted/Revoked. Needs KafkaModule beside it.
 */
@Module({
  imports: [EventStoreModule, PhiAccessModule, ClinicScopeModule, DirectoryModule],
  controllers: httpControllers,
  providers: [ConsentRepository, ...useCases, ...messageConsumers],
  exports: [ConsentRepository],
})
export class ConsentModule {}
