import type { OutgoingSms, SendResult, SmsChannel } from '../channel';

/**
 * The SMS channel when no gateway is configured: every SMS is reported undeliverable, so the
 * delivery record says "channel-not-configured" instead of pretending it was sent.
 */
export class UnconfiguredSmsChannel implements SmsChannel {
  readonly configured = false;

  send(_sms: OutgoingSms): Promise<SendResult> {
    return Promise.resolve({
      outcome: 'not-configured',
      detail: 'no SMS gateway is configured (NOTIFICATIONS_SMS_PROVIDER=none)',
    });
  }
}
