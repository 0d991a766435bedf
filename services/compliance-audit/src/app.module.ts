import { Module } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import { PlatformModule } from '@thc/service-runtime';
import { serviceIdentity } from './service.identity';

@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    OutboxRelayModule.forService({ source: '/thc/compliance-audit', topic: TOPICS.compliance }),
  ],
})
export class AppModule {}
