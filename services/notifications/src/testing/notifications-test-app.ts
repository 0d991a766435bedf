import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import { PhiProtectionModule } from '@thc/phi-protection';
import {
  Clock,
  ClockModule,
  createServiceApp,
  IdsModule,
  PlatformModule,
} from '@thc/service-runtime';
import { NotificationsSettingsModule } from '../notifications-settings.module';
import { serviceIdentity } from '../service.identity';

/**
 * The notifications service wired as its AppModule does (relay, PHI keys, settings), with the
 * feature modules a test needs, on the given clock. The environment is read at creation.
 * `relay: false` leaves the outbox relay out, for measurements its polling would disturb.
 */
export async function startNotificationsApp(
  features: readonly (Type<unknown> | DynamicModule)[],
  clock: Clock = () => new Date(),
  { relay = true }: { readonly relay?: boolean } = {},
): Promise<{ app: NestExpressApplication; url: string }> {
  @Module({
    imports: [
      PlatformModule.forService(serviceIdentity),
      KafkaModule,
      EventStoreModule,
      ...(relay
        ? [
            OutboxRelayModule.forService({
              source: '/thc/notifications',
              topic: TOPICS.notifications,
            }),
          ]
        : []),
      PhiProtectionModule,
      NotificationsSettingsModule,
      ClockModule.use(clock),
      IdsModule.use(),
      ...features,
    ],
  })
  class NotificationsTestApp {}

  const app = await createServiceApp(NotificationsTestApp, serviceIdentity, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}
