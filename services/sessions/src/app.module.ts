import { Module } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import { ClockModule, IdsModule, PlatformModule } from '@thc/service-runtime';
import { serviceIdentity } from './service.identity';
import { VisitsModule } from './visits/visits.module';

@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    OutboxRelayModule.forService({ source: '/thc/sessions', topic: TOPICS.sessions }),
    ClockModule.use(),
    IdsModule.use(),
    VisitsModule,
  ],
})
export class AppModule {}
