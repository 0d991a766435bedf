import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit-trail/audit-trail.module';
import { CareLinksModule } from '../care-links/care-links.module';
import { DirectoryModule } from '../directory/directory.module';
import { ViolationsModule } from '../violations/violations.module';
import { AuditIntake } from './audit-intake';
import { ChainEveryEventIntoAuditTrail } from './chain-every-event-into-audit-trail.consumer';
import { AuditQuarantine } from './audit-quarantine.projection';
import { ListQuarantinedController } from './quarantine/list-quarantined.controller';
import { ListQuarantinedQuery } from './quarantine/list-quarantined.query';

const httpControllers = [ListQuarantinedController];
const messageConsumers = [ChainEveryEventIntoAuditTrail];

/** Every topic into the trail and the rules. Needs KafkaModule beside it. */
@Module({
  imports: [AuditTrailModule, CareLinksModule, DirectoryModule, ViolationsModule],
  controllers: httpControllers,
  providers: [AuditIntake, AuditQuarantine, ListQuarantinedQuery, ...messageConsumers],
  exports: [AuditIntake],
})
export class IntakeModule {}
