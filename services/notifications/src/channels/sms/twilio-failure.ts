import twilio from 'twilio';
import TwilioServiceException from 'twilio/lib/base/TwilioServiceException';
import type { SendResult } from '../channel';

/**
 * Twilio error codes that are about the recipient's number, so sending again cannot help
 * (https://www.twilio.com/docs/api/errors). The 30xxx ones mostly come later, in a delivery
 * report, which is why this table is exported for the status-callback handler as well.
 */
const RECIPIENT_CODES: Readonly<Record<number, string>> = {
  21211: "invalid 'To' number",
  21214: "'To' number cannot be reached",
  21217: 'number does not appear to be valid',
  21401: 'invalid phone number',
  21407: 'number type does not support SMS',
  21421: 'invalid phone number',
  21610: 'recipient has opted out (replied STOP)',
  21612: "'To' number is not reachable by SMS",
  21614: "'To' number is not a mobile number",
  21635: "'To' number is a landline",
  30003: 'unreachable handset',
  30004: 'message blocked by the recipient or carrier',
  30005: 'unknown handset',
  30006: 'landline or unreachable carrier',
};

/** The recipient replied STOP to this sender: an opt-out to record, not a broken number. */
export const TWILIO_OPTED_OUT = 21610;

/** What a Twilio error code says about the recipient, or undefined when it says nothing about them. */
export function twilioRecipientFailure(
  code: number,
): Extract<SendResult, { outcome: 'rejected' }> | undefined {
  const why = RECIPIENT_CODES[code];
  if (why === undefined) return undefined;
  return {
    outcome: 'rejected',
    detail: `Twilio ${code}: ${why}`,
    providerCode: String(code),
    ...(code === TWILIO_OPTED_OUT ? { optedOut: true as const } : {}),
  };
}

/**
 * What a failed `messages.create` means for this message. The SDK throws a RestException for a
 * classic error body and a TwilioServiceException for an RFC 9457 one; both carry the HTTP
 * status and Twilio's code. The detail never quotes Twilio's message text: it repeats the phone
 * number ("The 'To' number +1… is not a valid phone number").
 */
export function classifyTwilioError(error: unknown): Exclude<SendResult, { outcome: 'sent' }> {
  if (error instanceof twilio.RestException || error instanceof TwilioServiceException) {
    const status = error.status;
    const code = typeof error.code === 'number' ? error.code : undefined;
    const tag = `Twilio HTTP ${status}${code !== undefined ? ` code ${code}` : ''}`;
    if (status === 401 || status === 403)
      // Not a bounce: the patient's number is fine, our account is not. Transient keeps the
      // message in the retry path (and ends in retries-exhausted) while an operator fixes
      // TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN; "rejected" would wrongly mark the number bad.
      return {
        outcome: 'transient',
        detail: `${tag}: credentials refused (check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)`,
      };
    if (status === 429) return { outcome: 'transient', detail: `${tag}: rate limited` };
    if (status >= 500) return { outcome: 'transient', detail: `${tag}: gateway error` };
    const recipient = code !== undefined ? twilioRecipientFailure(code) : undefined;
    if (recipient) return recipient;
    // Any other 4xx is about our request or account (sender not SMS-capable, region not enabled,
    // body too long): an operator's problem, never the recipient's.
    return { outcome: 'transient', detail: `${tag}: request refused` };
  }
  const networkCode = (error as { code?: unknown } | null)?.code;
  if (typeof networkCode === 'string')
    return { outcome: 'transient', detail: `Twilio unreachable (${networkCode})` };
  return {
    outcome: 'transient',
    detail: `Twilio send failed (${error instanceof Error ? error.name : 'unknown error'})`,
  };
}
