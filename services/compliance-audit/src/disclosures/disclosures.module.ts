import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { AuditTrailModule } from '../audit-trail/audit-trail.module';
import { ClinicScopeModule } from '../clinic-scope/clinic-scope.module';
import { DisclosureLog } from './disclosure-log';
import { RecordDisclosureController } from './record-disclosure/record-disclosure.controller';

/** Accounting of disclosures to parties outside the health system. */
@Module({
  imports: [EventStoreModule, AuditTrailModule, ClinicScopeModule],
  controllers: [RecordDisclosureController],
  providers: [DisclosureLog],
})
export class DisclosuresModule {}
