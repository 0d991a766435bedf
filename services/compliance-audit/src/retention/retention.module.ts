import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { AuditTrailModule } from '../audit-trail/audit-trail.module';
import { ClinicScopeModule } from '../clinic-scope/clinic-scope.module';
import { LegalHolds } from './legal-holds.projection';
import { LegalHoldsHandler } from './legal-holds.handler';
import { RetentionController } from './retention.controller';
import { RetentionPurge } from './retention-purge';

/** Retention of the trail: legal holds per patient, audited purges past the retention period. */
@Module({
  imports: [EventStoreModule, AuditTrailModule, ClinicScopeModule],
  controllers: [RetentionController],
  providers: [LegalHolds, LegalHoldsHandler, RetentionPurge],
})
export class RetentionModule {}
