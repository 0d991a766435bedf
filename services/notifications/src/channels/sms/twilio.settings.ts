/**
 * Twilio's account and sender, read when NOTIFICATIONS_SMS_PROVIDER=twilio. The SDK itself also
 * honours TWILIO_EDGE, TWILIO_REGION (e.g. `ie1`, for data residency), HTTP_PROXY and
 * TWILIO_CA_BUNDLE from the environment.
 */
export interface TwilioSettings {
  /** TWILIO_ACCOUNT_SID: `AC…`. */
  readonly accountSid: string;
  /** TWILIO_AUTH_TOKEN. */
  readonly authToken: string;
  /**
   * Who the SMS comes from: TWILIO_MESSAGING_SERVICE_SID (`MG…`, preferred: Twilio picks a number
   * from the service's pool and handles STOP), else TWILIO_FROM_NUMBER (E.164, or an
   * alphanumeric sender ID where the destination country allows one).
   */
  readonly sender: { readonly messagingServiceSid: string } | { readonly from: string };
}

const E164 = /^\+[1-9]\d{6,14}$/;
/** Up to 11 letters, digits and spaces, with at least one letter (Twilio's rule for sender IDs). */
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;

/** Fails at start, naming the variable, so a half-configured gateway never looks like a working one. */
export function twilioSettingsFromEnv(
  read: (name: string) => string | undefined = (name) => process.env[name],
): TwilioSettings {
  const when = 'when NOTIFICATIONS_SMS_PROVIDER=twilio';
  const accountSid = read('TWILIO_ACCOUNT_SID')?.trim();
  if (!accountSid) throw new Error(`TWILIO_ACCOUNT_SID: required ${when}`);
  if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid))
    throw new Error('TWILIO_ACCOUNT_SID: must be an account SID (AC followed by 32 hex digits)');
  const authToken = read('TWILIO_AUTH_TOKEN')?.trim();
  if (!authToken) throw new Error(`TWILIO_AUTH_TOKEN: required ${when}`);

  const messagingServiceSid = read('TWILIO_MESSAGING_SERVICE_SID')?.trim();
  const from = read('TWILIO_FROM_NUMBER')?.trim();
  if (messagingServiceSid) {
    if (!/^MG[0-9a-fA-F]{32}$/.test(messagingServiceSid))
      throw new Error(
        'TWILIO_MESSAGING_SERVICE_SID: must be a messaging service SID (MG followed by 32 hex digits)',
      );
    return { accountSid, authToken, sender: { messagingServiceSid } };
  }
  if (!from)
    throw new Error(`TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID: one is required ${when}`);
  if (!E164.test(from) && !ALPHANUMERIC_SENDER.test(from))
    throw new Error(
      'TWILIO_FROM_NUMBER: must be an E.164 number such as +15551234567, or a sender ID of up to 11 letters and digits',
    );
  return { accountSid, authToken, sender: { from } };
}
