import { Module } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import { ClockModule, IdsModule, PlatformModule } from '@thc/service-runtime';
import { AuditTrailModule } from './audit-trail/audit-trail.module';
import { ConsentModule } from './consent/consent.module';
import { DisclosuresModule } from './disclosures/disclosures.module';
import { ErasureModule } from './erasure/erasure.module';
import { IntakeModule } from './intake/intake.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { serviceIdentity } from './service.identity';
import { AuditSettingsModule } from './audit-settings.module';
import { ViolationsModule } from './violations/violations.module';

/** Everything but the outbox relay: what the integration tests start. */
export const complianceModules = [
  PlatformModule.forService(serviceIdentity),
  AuditSettingsModule,
  ClockModule.use(),
  IdsModule.use(),
  KafkaModule,
  EventStoreModule,
  AuditTrailModule,
  ConsentModule,
  ViolationsModule,
  ReportsModule,
  RetentionModule,
  ErasureModule,
  DisclosuresModule,
  IntakeModule,
];

@Module({
  imports: [
    ...complianceModules,
    OutboxRelayModule.forService({ source: '/thc/compliance-audit', topic: TOPICS.compliance }),
  ],
})
export class AppModule {}
