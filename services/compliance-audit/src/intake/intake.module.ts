import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit-trail/audit-trail.module';
import { CareLinksModule } from '../care-links/care-links.module';
import { ViolationsModule } from '../violations/violations.module';
import { AuditIntake } from './audit-intake';
import { AuditIntakeConsumer } from './audit-intake.consumer';

const messageConsumers = [AuditIntakeConsumer];

/** Every topic into the trail and the rules. Needs KafkaModule beside it. */
@Module({
  imports: [AuditTrailModule, CareLinksModule, ViolationsModule],
  providers: [AuditIntake, ...messageConsumers],
  exports: [AuditIntake],
})
export class IntakeModule {}
