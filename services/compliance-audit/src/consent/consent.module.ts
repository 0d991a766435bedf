import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { ClinicScopeModule } from '../clinic-scope/clinic-scope.module';
import { DirectoryModule } from '../directory/directory.module';
import { GrantConsentWhenGivenAtJoinConsumer } from './consent-at-join/grant-consent-when-given-at-join.consumer';
import { ConsentRepository } from './consent.repository';
import { GrantConsentController } from './grant-consent/grant-consent.controller';
import { ReadConsentsController } from './read-consents/read-consents.controller';
import { RevokeConsentController } from './revoke-consent/revoke-consent.controller';

const httpControllers = [GrantConsentController, RevokeConsentController, ReadConsentsController];
const messageConsumers = [GrantConsentWhenGivenAtJoinConsumer];

/**
 * Patient consent (FHIR Consent shaped): grant, revoke, read, and the consents patients give on
 * the visit page (from sessions); emits ConsentGranted/Revoked. Needs KafkaModule beside it.
 */
@Module({
  imports: [EventStoreModule, PhiAccessModule, ClinicScopeModule, DirectoryModule],
  controllers: httpControllers,
  providers: [ConsentRepository, ...messageConsumers],
  exports: [ConsentRepository],
})
export class ConsentModule {}
