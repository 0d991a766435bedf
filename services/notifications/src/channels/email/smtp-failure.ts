import type { NodemailerError } from 'nodemailer';
import type { SendResult } from '../channel';

/** Connection-level failures: the server was never asked, or the conversation broke off. */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS']);

/**
 * Replies to these commands are about this recipient or this message. A 5xx to anything else
 * (AUTH, MAIL FROM, EHLO) is the relay refusing *us* — credentials or sender domain — which an
 * operator must fix; calling it a bounce would mark a good patient address as bad.
 */
const RECIPIENT_COMMANDS = new Set(['RCPT TO', 'DATA']);

/**
 * What a failed send means for this message, from nodemailer's error. The detail is for logs
 * and events, so it carries the reply code, the SMTP command and the server's words with every
 * address taken out; never the recipient or the content.
 */
export function classifySmtpFailure(error: unknown): Exclude<SendResult, { outcome: 'sent' }> {
  const err = (error ?? {}) as NodemailerError;
  const code = typeof err.code === 'string' ? err.code : undefined;
  const command = typeof err.command === 'string' ? err.command : undefined;
  const replyCode = typeof err.responseCode === 'number' ? err.responseCode : undefined;

  if (replyCode !== undefined) {
    const detail = `SMTP ${replyCode}${command ? ` on ${command}` : ''}: ${serverWords(err.response)}`;
    // 503 is "bad sequence of commands": the session was in the wrong state, not the message
    // refused (RFC 5321 4.2.4), so a new connection may well take it.
    const permanent = replyCode >= 500 && replyCode < 600 && replyCode !== 503;
    if (permanent && command !== undefined && RECIPIENT_COMMANDS.has(command))
      return { outcome: 'rejected', detail, providerCode: String(replyCode) };
    if (permanent)
      return {
        outcome: 'transient',
        detail: `${detail} (the relay refuses our sender or credentials)`,
      };
    return { outcome: 'transient', detail };
  }

  if (code === 'EENVELOPE' && command === 'API' && /^Invalid recipient/.test(err.message ?? ''))
    return { outcome: 'rejected', detail: 'the address is not a valid mailbox' };

  // The channel's own deadline (a server trickling its replies, which no socket timeout sees).
  if (code === 'EABORT')
    return { outcome: 'transient', detail: 'SMTP send abandoned at its deadline' };

  if (code !== undefined && CONNECTION_CODES.has(code)) {
    // nodemailer keeps the system error (ECONNREFUSED, ECONNRESET, ENOTFOUND) as originalCode.
    const cause =
      typeof (err as { originalCode?: unknown }).originalCode === 'string'
        ? `/${(err as { originalCode: string }).originalCode}`
        : '';
    return { outcome: 'transient', detail: `SMTP connection failed (${code}${cause})` };
  }

  return {
    outcome: 'transient',
    detail: `SMTP send failed (${code ?? err.name ?? 'unknown error'})`,
  };
}

/** The text of a server reply without its code and without anything that looks like an address. */
export function serverWords(response: unknown): string {
  if (typeof response !== 'string') return 'no reply text';
  return (
    response
      .replace(/^\d{3}[ -]?/, '')
      .replace(/<[^>]*>/g, '<…>')
      .replace(/[^\s<>"'()[\]]+@[^\s<>"'()[\]]+/g, '…')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 200) || 'no reply text'
  );
}
