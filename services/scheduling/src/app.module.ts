import { Module } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import { ClockModule, IdsModule, PlatformModule } from '@thc/service-runtime';
import { AppointmentsModule } from './appointments/appointments.module';
import { AvailabilityModule } from './availability/availability.module';
import { DirectoryModule } from './directory/directory.module';
import { SchedulingErasureModule } from './erasure/erasure.module';
import { PatientsModule } from './patients/patients.module';
import { serviceIdentity } from './service.identity';
import { WaitlistRecoveryModule } from './waitlist/waitlist-recovery.module';

@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    OutboxRelayModule.forService({ source: '/thc/scheduling', topic: TOPICS.scheduling }),
    ClockModule.use(),
    IdsModule.use(),
    DirectoryModule,
    AvailabilityModule,
    AppointmentsModule,
    PatientsModule,
    WaitlistRecoveryModule,
    SchedulingErasureModule,
  ],
})
export class AppModule {}
