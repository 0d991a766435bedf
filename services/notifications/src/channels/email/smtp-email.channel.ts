import { OnModuleDestroy } from '@nestjs/common';
import nodemailer, {
  type Mail,
  type SMTPPoolOptions,
  type SMTPPoolSentMessageInfo,
} from 'nodemailer';
import type { EmailChannel, OutgoingEmail, SendResult } from '../channel';
import type { NotificationsSettings } from '../../notifications.settings';
import { classifySmtpFailure } from './smtp-failure';

/**
 * How long each step of an SMTP conversation may take. nodemailer's defaults (2 min to connect,
 * 10 min of socket silence) would let one stalled relay hold the sender for minutes; a message
 * that waits is retried later by the dispatcher instead.
 */
export interface SmtpTimeouts {
  readonly connectionMs: number;
  readonly greetingMs: number;
  readonly socketMs: number;
  /** The whole send, queueing in the pool included: catches a server that trickles its replies. */
  readonly sendMs: number;
}

export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = {
  connectionMs: 10_000,
  greetingMs: 10_000,
  socketMs: 20_000,
  sendMs: 60_000,
};

/** The domain part of every Message-ID this service writes. */
export const MESSAGE_ID_DOMAIN = 'notifications.thc';

/**
 * E-mail over SMTP through a pool of connections to NOTIFICATIONS_SMTP_URL (a relay in
 * production, Mailpit locally). The Message-ID is derived from the message's own id, so when a
 * retry repeats a message the receiving side sees the same Message-ID.
 */
export class SmtpEmailChannel implements EmailChannel, OnModuleDestroy {
  private readonly transport: Mail<SMTPPoolSentMessageInfo, SMTPPoolOptions>;

  constructor(
    private readonly settings: Pick<NotificationsSettings, 'smtpUrl' | 'emailFrom'>,
    private readonly timeouts: SmtpTimeouts = DEFAULT_SMTP_TIMEOUTS,
  ) {
    this.transport = nodemailer.createTransport({
      pool: true,
      url: settings.smtpUrl,
      maxConnections: 5,
      // The dispatcher owns retries (with backoff and a limit per message); the pool only gets
      // one more go for a pooled connection the server had silently closed.
      maxRequeues: 1,
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      // nodemailer's log lines carry envelopes (addresses): PHI stays out of the logs.
      logger: false,
      debug: false,
    });
  }

  async send(email: OutgoingEmail): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        from: this.settings.emailFrom,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: `<${email.messageId}@${MESSAGE_ID_DOMAIN}>`,
        headers: { 'Content-Language': email.language },
        attachments: email.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
        signal: AbortSignal.timeout(this.timeouts.sendMs),
      });
      return { outcome: 'sent', providerMessageId: info.messageId };
    } catch (error) {
      return classifySmtpFailure(error);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
