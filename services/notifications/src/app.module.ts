import { Module } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import { PhiProtectionModule } from '@thc/phi-protection';
import { ClockModule, IdsModule, PlatformModule } from '@thc/service-runtime';
import { ContactsModule } from './contacts/contacts.module';
import { DeliveryModule } from './delivery/delivery.module';
import { NotificationsSettingsModule } from './notifications-settings.module';
import { PlanningModule } from './planning/planning.module';
import { serviceIdentity } from './service.identity';

@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    OutboxRelayModule.forService({ source: '/thc/notifications', topic: TOPICS.notifications }),
    PhiProtectionModule,
    NotificationsSettingsModule,
    ClockModule.use(),
    IdsModule.use(),
    ContactsModule,
    PlanningModule,
    DeliveryModule,
  ],
})
export class AppModule {}
