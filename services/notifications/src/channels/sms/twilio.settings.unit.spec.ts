import { twilioSettingsFromEnv } from './twilio.settings';

const ACCOUNT = `AC${'a'.repeat(32)}`;
const SERVICE = `MG${'b'.repeat(32)}`;
const env =
  (vars: Record<string, string>) =>
  (name: string): string | undefined =>
    vars[name];

describe('twilioSettingsFromEnv', () => {
  it('prefers the messaging service when both senders are given', () => {
    expect(
      twilioSettingsFromEnv(
        env({
          TWILIO_ACCOUNT_SID: ACCOUNT,
          TWILIO_AUTH_TOKEN: 'token',
          TWILIO_MESSAGING_SERVICE_SID: SERVICE,
          TWILIO_FROM_NUMBER: '+15551234567',
        }),
      ),
    ).toEqual({
      accountSid: ACCOUNT,
      authToken: 'token',
      sender: { messagingServiceSid: SERVICE },
    });
  });

  it.each(['+15551234567', 'CLINIC'])(
    'sends from %s when no messaging service is given',
    (from) => {
      expect(
        twilioSettingsFromEnv(
          env({
            TWILIO_ACCOUNT_SID: ACCOUNT,
            TWILIO_AUTH_TOKEN: 'token',
            TWILIO_FROM_NUMBER: from,
          }),
        ).sender,
      ).toEqual({ from });
    },
  );

  it.each([
    [{}, 'TWILIO_ACCOUNT_SID: required when NOTIFICATIONS_SMS_PROVIDER=twilio'],
    [{ TWILIO_ACCOUNT_SID: 'SK123' }, 'TWILIO_ACCOUNT_SID: must be an account SID'],
    [
      { TWILIO_ACCOUNT_SID: ACCOUNT },
      'TWILIO_AUTH_TOKEN: required when NOTIFICATIONS_SMS_PROVIDER=twilio',
    ],
    [
      { TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: 'token' },
      'TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID: one is required when NOTIFICATIONS_SMS_PROVIDER=twilio',
    ],
    [
      { TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: 'token', TWILIO_FROM_NUMBER: '555-1234' },
      'TWILIO_FROM_NUMBER: must be an E.164 number',
    ],
    [
      {
        TWILIO_ACCOUNT_SID: ACCOUNT,
        TWILIO_AUTH_TOKEN: 'token',
        TWILIO_MESSAGING_SERVICE_SID: 'PN123',
      },
      'TWILIO_MESSAGING_SERVICE_SID: must be a messaging service SID',
    ],
  ])('refuses %j, naming the variable', (vars, message) => {
    expect(() => twilioSettingsFromEnv(env(vars as Record<string, string>))).toThrow(message);
  });
});
