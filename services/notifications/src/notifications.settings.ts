import { envInteger, EnvRead } from '@thc/service-runtime';
/** The notifications service's settings, read once from the environment when it starts. */
export interface NotificationsSettings {
  /** NOTIFICATIONS_SMTP_URL (default smtp://127.0.0.1:1025): the SMTP server or relay. */
  readonly smtpUrl: string;
  /** NOTIFICATIONS_EMAIL_FROM: the sender people see. */
  readonly emailFrom: string;
  /** NOTIFICATIONS_SMS_PROVIDER: `none` (default; SMS is undeliverable) or `twilio`. */
  readonly smsProvider: 'none' | 'twilio';
  /** NOTIFICATIONS_PUBLIC_URL: where the SMS gateway reaches this service (webhook signatures). */
  readonly publicUrl?: string;
  /** NOTIFICATIONS_DISPATCH_POLL_MS (default 1000; 0 turns sending off): how often due messages are looked for. */
  readonly dispatchPollMs: number;
  /** NOTIFICATIONS_JOIN_LINK_LEAD_MINUTES (default 15): how long before the visit join links go out. */
  readonly joinLinkLeadMinutes: number;
  /** NOTIFICATIONS_RUNNING_LATE_MINUTES (default 10): waiting time after which the patient is told. */
  readonly runningLateMinutes: number;
  /** NOTIFICATIONS_MAX_ATTEMPTS (default 6): tries on transient failures before giving up. */
  readonly maxAttempts: number;
  /** NOTIFICATIONS_RETRY_BASE_MS (default 30 000): first retry delay, doubled each time. */
  readonly retryBaseMs: number;
  /** NOTIFICATIONS_CLAIM_MS (default 60 000): how long one instance holds a message it sends. */
  readonly claimMs: number;
}

export const NOTIFICATIONS_SETTINGS = Symbol('NOTIFICATIONS_SETTINGS');

export function notificationsSettingsFromEnv(
  read: EnvRead = (name) => process.env[name],
): NotificationsSettings {
  const smsProvider = read('NOTIFICATIONS_SMS_PROVIDER') || 'none';
  if (smsProvider !== 'none' && smsProvider !== 'twilio')
    throw new Error('NOTIFICATIONS_SMS_PROVIDER: must be none or twilio');
  const smtpUrl = read('NOTIFICATIONS_SMTP_URL') || 'smtp://127.0.0.1:1025';
  if (!/^smtps?:\/\//.test(smtpUrl))
    throw new Error('NOTIFICATIONS_SMTP_URL: must be an smtp:// or smtps:// URL');
  const publicUrl = read('NOTIFICATIONS_PUBLIC_URL') || undefined;
  return {
    smtpUrl,
    emailFrom: read('NOTIFICATIONS_EMAIL_FROM') || 'Telehealth Coordinator <no-reply@thc.local>',
    smsProvider,
    ...(publicUrl ? { publicUrl } : {}),
    dispatchPollMs: envInteger(read, 'NOTIFICATIONS_DISPATCH_POLL_MS', 1000, 0, 3_600_000),
    joinLinkLeadMinutes: envInteger(read, 'NOTIFICATIONS_JOIN_LINK_LEAD_MINUTES', 15, 0, 1440),
    runningLateMinutes: envInteger(read, 'NOTIFICATIONS_RUNNING_LATE_MINUTES', 10, 1, 240),
    maxAttempts: envInteger(read, 'NOTIFICATIONS_MAX_ATTEMPTS', 6, 1, 50),
    retryBaseMs: envInteger(read, 'NOTIFICATIONS_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    claimMs: envInteger(read, 'NOTIFICATIONS_CLAIM_MS', 60_000, 1000, 3_600_000),
  };
}
