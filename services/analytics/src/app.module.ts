import { Module } from '@nestjs/common';
import { KafkaModule } from '@thc/messaging';
import { ClockModule, IdsModule, PlatformModule } from '@thc/service-runtime';
import { DashboardModule } from './dashboard/dashboard.module';
import { EventIntakeModule } from './event-intake/event-intake.module';
import { serviceIdentity } from './service.identity';
import { VisitMetricsModule } from './visit-metrics/visit-metrics.module';

@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    ClockModule.use(),
    IdsModule.use(),
    KafkaModule,
    EventIntakeModule,
    VisitMetricsModule,
    DashboardModule,
  ],
})
export class AppModule {}
