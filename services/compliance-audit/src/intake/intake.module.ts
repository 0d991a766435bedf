import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit-trail/audit-trail.module';
import { CareLinksModule } from '../care-links/care-links.module';
import { DirectoryModule } from '../directory/directory.module';
import { ViolationsModule } from '../violations/violations.module';
import { AuditIntake } from './audit-intake';
import { AuditIntakeConsumer } from './audit-intake.consumer';
import { AuditQuarantine } from './quarantine/audit-quarantine.store';
import { ListQuarantinedController } from './quarantine/list-quarantined.controller';

const httpControllers = [ListQuarantinedController];
const messageConsumers = [AuditIntakeConsumer];

/** Every topic into the trail and the rules. Needs KafkaModule beside it. */
@Module({
  imports: [AuditTrailModule, CareLinksModule, DirectoryModule, ViolationsModule],
  controllers: httpControllers,
  providers: [AuditIntake, AuditQuarantine, ...messageConsumers],
  exports: [AuditIntake],
})
export class IntakeModule {}
