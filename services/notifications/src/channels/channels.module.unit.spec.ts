import { Test } from '@nestjs/testing';
import { NotificationsSettingsModule } from '../notifications-settings.module';
import { SMS_CHANNEL, SmsChannel } from './channel';
import { ChannelsModule } from './channels.module';

const TWILIO_ENV = {
  TWILIO_ACCOUNT_SID: `AC${'c'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_FROM_NUMBER: '+15551234567',
};
const NAMES = ['NOTIFICATIONS_SMS_PROVIDER', ...Object.keys(TWILIO_ENV)];

describe('ChannelsModule', () => {
  const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const name of NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  function useEnv(vars: Record<string, string>): void {
    for (const name of NAMES) delete process.env[name];
    Object.assign(process.env, vars);
  }

  async function smsChannel(): Promise<SmsChannel> {
    const moduleRef = await Test.createTestingModule({
      imports: [NotificationsSettingsModule, ChannelsModule],
    }).compile();
    const channel = moduleRef.get<SmsChannel>(SMS_CHANNEL);
    await moduleRef.close();
    return channel;
  }

  it('marks every SMS undeliverable when no gateway is configured', async () => {
    useEnv({});

    const channel = await smsChannel();

    expect(channel.configured).toBe(false);
    expect(await channel.send({ messageId: 'm-1', to: '+15551234567', body: 'Hi' })).toEqual({
      outcome: 'not-configured',
      detail: 'no SMS gateway is configured (NOTIFICATIONS_SMS_PROVIDER=none)',
    });
  });

  it('sends SMS through Twilio when NOTIFICATIONS_SMS_PROVIDER=twilio', async () => {
    useEnv({ NOTIFICATIONS_SMS_PROVIDER: 'twilio', ...TWILIO_ENV });

    expect((await smsChannel()).configured).toBe(true);
  });

  it('refuses to start with Twilio chosen but a variable missing, naming it', async () => {
    const { TWILIO_AUTH_TOKEN: _left, ...incomplete } = TWILIO_ENV;
    useEnv({ NOTIFICATIONS_SMS_PROVIDER: 'twilio', ...incomplete });

    await expect(smsChannel()).rejects.toThrow(
      'TWILIO_AUTH_TOKEN: required when NOTIFICATIONS_SMS_PROVIDER=twilio',
    );
  });
});
