import { Module } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import { ClockModule, IdsModule, PlatformModule } from '@thc/service-runtime';
import { serviceIdentity } from './service.identity';
import { TrainingModule } from './training.module';

@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    OutboxRelayModule.forService({ source: '/thc/training', topic: TOPICS.training }),
    ClockModule.use(),
    IdsModule.use(),
    TrainingModule,
  ],
})
export class AppModule {}
