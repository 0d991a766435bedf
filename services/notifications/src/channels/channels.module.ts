import { Module, Provider } from '@nestjs/common';
import { NOTIFICATIONS_SETTINGS, NotificationsSettings } from '../notifications.settings';
import { EMAIL_CHANNEL, SmsChannel, SMS_CHANNEL } from './channel';
import { SmtpEmailChannel } from './email/smtp-email.channel';
import { TwilioSmsChannel } from './sms/twilio-sms.channel';
import { twilioSettingsFromEnv } from './sms/twilio.settings';
import { UnconfiguredSmsChannel } from './sms/unconfigured-sms.channel';

/**
 * The SMS channel for NOTIFICATIONS_SMS_PROVIDER. A gateway's own variables are read here, at
 * start, so a missing one stops the service with its name instead of failing every SMS later.
 */
export function smsChannelFor(
  settings: Pick<NotificationsSettings, 'smsProvider' | 'publicUrl'>,
  read: (name: string) => string | undefined = (name) => process.env[name],
): SmsChannel {
  switch (settings.smsProvider) {
    case 'twilio':
      return new TwilioSmsChannel({
        twilio: twilioSettingsFromEnv(read),
        ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
      });
    case 'none':
      return new UnconfiguredSmsChannel();
  }
}

const channels: Provider[] = [
  {
    provide: EMAIL_CHANNEL,
    useFactory: (settings: NotificationsSettings) => new SmtpEmailChannel(settings),
    inject: [NOTIFICATIONS_SETTINGS],
  },
  {
    provide: SMS_CHANNEL,
    useFactory: (settings: NotificationsSettings) => smsChannelFor(settings),
    inject: [NOTIFICATIONS_SETTINGS],
  },
];

/** The delivery channels, chosen from the settings (NotificationsSettingsModule, global). */
@Module({ providers: channels, exports: [EMAIL_CHANNEL, SMS_CHANNEL] })
export class ChannelsModule {}
