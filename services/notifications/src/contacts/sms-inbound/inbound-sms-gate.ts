import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { getSignatureAlgorithm, validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { NotificationsSettings } from '../../notifications.settings';

export const INBOUND_SMS_PATH = 'api/v1/sms/inbound';
export const INBOUND_SMS_GATE = Symbol('INBOUND_SMS_GATE');

/** What a request to the webhook carries that proves where it came from. */
export interface InboundSmsRequest {
  readonly signature?: string;
  readonly signatureSettings?: string;
  readonly params: Record<string, unknown>;
  /** The path and query the gateway posted to, as signed; the inbound route by default. */
  readonly path?: string;
}

/** Lets through only texts the configured gateway signed; refuses everything else. */
export interface InboundSmsGate {
  /** Throws 404 when no gateway is configured, 403 when the signature does not match. */
  admit(request: InboundSmsRequest): void;
}

const NOTHING_TO_RECEIVE = 'no SMS gateway is configured: there are no texts to receive';
const FORGED = 'the request is not signed by the SMS gateway';

/**
 * With NOTIFICATIONS_SMS_PROVIDER=twilio, the webhook checks `X-Twilio-Signature` with the
 * Twilio SDK against the URL Twilio was given (`NOTIFICATIONS_PUBLIC_URL` + the route) and
 * TWILIO_AUTH_TOKEN; both are required at start. Without a gateway the route answers 404.
 */
export function inboundSmsGate(
  settings: Pick<NotificationsSettings, 'smsProvider' | 'publicUrl'>,
  read: (name: string) => string | undefined = (name) => process.env[name],
): InboundSmsGate {
  if (settings.smsProvider !== 'twilio')
    return {
      admit: () => {
        throw new NotFoundException(NOTHING_TO_RECEIVE);
      },
    };
  const authToken = read('TWILIO_AUTH_TOKEN');
  if (!authToken)
    throw new Error('TWILIO_AUTH_TOKEN: required with NOTIFICATIONS_SMS_PROVIDER=twilio');
  if (!settings.publicUrl)
    throw new Error(
      'NOTIFICATIONS_PUBLIC_URL: required with NOTIFICATIONS_SMS_PROVIDER=twilio (the webhook URL Twilio signs)',
    );
  const base = settings.publicUrl.replace(/\/+$/, '');
  return {
    admit: ({ signature, signatureSettings, params, path = INBOUND_SMS_PATH }) => {
      const url = `${base}/${path.replace(/^\/+/, '')}`;
      // The settings header names HMAC_SHA256 when the account signs with it; SHA-1 otherwise.
      const algorithm = getSignatureAlgorithm(signatureSettings);
      if (!signature || !validateRequest(authToken, signature, url, params, algorithm))
        throw new ForbiddenException(FORGED);
    },
  };
}
