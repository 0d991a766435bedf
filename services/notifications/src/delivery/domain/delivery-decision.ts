import type { ContactLookup } from '../../contacts/contact-points';
import { quietHoursEnd } from '../../messages/quiet-hours';
import { templateLanguage, type TemplateLanguage } from '../../messages/template-language';
import { latestSendTime } from './latest-send-time';
import type { FailureReason } from './message-outcome.events';
import type { Channel, PlannedMessage } from './planned-message';
import { supersededBy } from './superseded';
import type { VisitStatus } from './visit-status';

/** Where one channel's copy goes. */
export interface DeliveryTarget {
  readonly channel: Channel;
  readonly to: string;
}

/** A channel that will not be used, and why (recorded as that channel's failure). */
export interface SkippedChannel {
  readonly channel: Channel | undefined;
  readonly reason: FailureReason;
  readonly detail: string;
}

export type DeliveryDecision =
  | { readonly kind: 'give-up'; readonly skipped: readonly SkippedChannel[] }
  | { readonly kind: 'wait'; readonly until: Date }
  | {
      readonly kind: 'send';
      readonly targets: readonly DeliveryTarget[];
      readonly skipped: readonly SkippedChannel[];
      readonly language: TemplateLanguage;
      readonly timeZone: string;
    };

export interface DeliveryFacts {
  readonly message: PlannedMessage;
  readonly contact: ContactLookup;
  readonly visit: VisitStatus | undefined;
  /** The booking's contact (a reminder's), opened; only used when the person recorded none. */
  readonly fallback?: { readonly channel: 'sms' | 'email' | 'voice'; readonly address: string };
  readonly smsConfigured: boolean;
  readonly now: Date;
}

const giveUp = (reason: FailureReason, detail: string): DeliveryDecision => ({
  kind: 'give-up',
  skipped: [{ channel: undefined, reason, detail }],
});

/**
 * What to do with a due message, from facts alone: give up (with the reason, never silently),
 * wait (quiet hours), or send on the channels the person has a contact point for and agreed to.
 * A person who recorded contact points is written to only as they said; one who recorded none
 * is reached at the contact given at booking, which was given for exactly this.
 */
export function decideDelivery(facts: DeliveryFacts): DeliveryDecision {
  const { message, contact, now } = facts;
  const superseded = supersededBy(message, facts.visit);
  if (superseded) return giveUp('superseded', superseded);
  const latest = latestSendTime(message);
  if (now.getTime() > latest)
    return giveUp('expired', `not worth sending after ${new Date(latest).toISOString()}`);
  if (!contact.found && contact.reason === 'erased')
    return giveUp('erased', 'the patient was erased');
  const { targets, skipped } = channelsFor(facts);
  if (targets.length === 0)
    return skipped.length > 0
      ? { kind: 'give-up', skipped }
      : giveUp('no-contact-point', 'no e-mail address or mobile number is on record');
  const timeZone =
    (contact.found ? contact.contact.timeZone : undefined) ??
    message.visit?.timeZone ??
    message.offer?.timeZone ??
    'UTC';
  if (!message.urgent && contact.found) {
    const quietUntil = quietHoursEnd(now, timeZone, contact.contact.quietHours);
    if (quietUntil) {
      if (quietUntil.getTime() >= latest)
        return giveUp('quiet-hours', 'quiet hours last past the point of sending it');
      return { kind: 'wait', until: quietUntil };
    }
  }
  const language = templateLanguage(contact.found ? contact.contact.language : contact.language);
  return { kind: 'send', targets, skipped, language, timeZone };
}

function channelsFor(facts: DeliveryFacts): {
  targets: DeliveryTarget[];
  skipped: SkippedChannel[];
} {
  const targets: DeliveryTarget[] = [];
  const skipped: SkippedChannel[] = [];
  const offer = (
    channel: Channel,
    address: string | undefined,
    consented: boolean,
    optedOut: boolean,
  ) => {
    if (!address) return;
    if (optedOut) skipped.push({ channel, reason: 'opted-out', detail: `opted out of ${channel}` });
    else if (!consented)
      skipped.push({ channel, reason: 'no-consent', detail: `no consent to ${channel}` });
    else if (channel === 'sms' && !facts.smsConfigured)
      skipped.push({
        channel,
        reason: 'channel-not-configured',
        detail: 'no SMS gateway is configured',
      });
    else targets.push({ channel, to: address });
  };
  const { contact, fallback } = facts;
  if (contact.found) {
    const { email, mobile, consent, optedOut } = contact.contact;
    offer('email', email, consent.byEmail, optedOut.email);
    offer('sms', mobile, consent.bySms, optedOut.sms);
  } else if (fallback) {
    if (fallback.channel === 'voice')
      skipped.push({
        channel: undefined,
        reason: 'channel-not-configured',
        detail: 'voice calls are not a channel of this service',
      });
    else offer(fallback.channel, fallback.address, true, false);
  }
  return { targets, skipped };
}
