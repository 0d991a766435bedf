import twilio from 'twilio';
import type { OutgoingSms, SendResult, SmsChannel } from '../channel';
import { classifyTwilioError } from './twilio-failure';
import type { TwilioSettings } from './twilio.settings';

/** Where Twilio reports delivery (queued → sent → delivered | undelivered | failed). */
export const SMS_STATUS_CALLBACK_PATH = '/api/v1/sms/status';

/** A stalled API call frees the sender after this; the dispatcher retries the message later. */
const REQUEST_TIMEOUT_MS = 15_000;

export interface TwilioSmsChannelOptions {
  readonly twilio: TwilioSettings;
  /** NOTIFICATIONS_PUBLIC_URL: without it Twilio sends no delivery reports for these messages. */
  readonly publicUrl?: string;
  /**
   * The SDK's extension point for its HTTP layer (ClientOpts.httpClient): a proxy, mutual TLS,
   * or in tests a client that sends the SDK's real requests to a local stand-in for the API.
   */
  readonly httpClient?: twilio.RequestClient;
}

/** SMS through Twilio's Programmable Messaging API, with the official SDK. */
export class TwilioSmsChannel implements SmsChannel {
  readonly configured = true;
  private readonly client: twilio.Twilio;
  private readonly statusCallback: string | undefined;

  constructor(private readonly options: TwilioSmsChannelOptions) {
    this.client = twilio(options.twilio.accountSid, options.twilio.authToken, {
      timeout: REQUEST_TIMEOUT_MS,
      // The dispatcher owns retries, with its own backoff and limit per message.
      autoRetry: false,
      ...(options.httpClient ? { httpClient: options.httpClient } : {}),
    });
    this.statusCallback = options.publicUrl
      ? `${options.publicUrl.replace(/\/+$/, '')}${SMS_STATUS_CALLBACK_PATH}`
      : undefined;
  }

  async send(sms: OutgoingSms): Promise<SendResult> {
    try {
      const message = await this.client.messages.create({
        to: sms.to,
        body: sms.body,
        ...this.options.twilio.sender,
        ...(this.statusCallback
          ? {
              // The report names the message, so a late failure finds its outcome stream.
              statusCallback: `${this.statusCallback}?messageId=${encodeURIComponent(sms.messageId)}`,
            }
          : {}),
      });
      return { outcome: 'sent', providerMessageId: message.sid };
    } catch (error) {
      return classifyTwilioError(error);
    }
  }
}
