import { Global, Module } from '@nestjs/common';
import { NOTIFICATIONS_SETTINGS, notificationsSettingsFromEnv } from './notifications.settings';

/** The settings, read from the environment once when the app is created. */
@Global()
@Module({
  providers: [
    { provide: NOTIFICATIONS_SETTINGS, useFactory: () => notificationsSettingsFromEnv() },
  ],
  exports: [NOTIFICATIONS_SETTINGS],
})
export class NotificationsSettingsModule {}
