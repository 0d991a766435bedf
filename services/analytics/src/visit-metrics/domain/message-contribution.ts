import { MESSAGE_CHANNELS, MessageFacts, reachedOn } from './message-facts';
import type { Counters } from './visit-contribution';

export interface MessageContribution {
  /** Calendar month (UTC) of the message's first outcome. */
  readonly month: string;
  readonly kind: string;
  readonly counters: Counters;
}

/**
 * A message's counters, from its facts alone: once per message (`messages`, `reached` or
 * `unreached`, `bounced`, `failed`), once per channel it had an outcome on (`emailOutcomes`, `smsReached`,
 * ...), and one per failure by channel and reason (`fail_sms_opted-out`; `none` for a failure
 * that named no channel). Pure and total, so writing them again changes nothing. Undefined
 * until an outcome is known.
 */
export function messageContribution(facts: MessageFacts): MessageContribution | undefined {
  if (!facts.firstOutcomeAt || !facts.kind) return undefined;
  const counters: Counters = { messages: 1 };
  const add = (key: string): void => {
    counters[key] = (counters[key] ?? 0) + 1;
  };
  const channels = facts.channels ?? {};
  let reached = false;
  let bounced = false;
  let failed = false;
  for (const channel of MESSAGE_CHANNELS) {
    const outcome = channels[channel];
    if (!outcome) continue;
    add(`${channel}Outcomes`);
    if (outcome.sent) add(`${channel}Sent`);
    if (reachedOn(outcome)) {
      add(`${channel}Reached`);
      reached = true;
    }
    if (outcome.bounced) {
      add(`${channel}Bounced`);
      bounced = true;
    }
    if (outcome.failed) {
      add(`${channel}Failed`);
      add(`fail_${channel}_${outcome.failed}`);
      failed = true;
    }
  }
  if (channels.none?.failed) {
    add(`fail_none_${channels.none.failed}`);
    failed = true;
  }
  // Reached or not, by a key of its own: a bounce after a send then swaps `reached` for
  // `unreached` and adds `bounced`, so the vector gains a key. FerretDB 1.24 takes a `$set` of an
  // embedded document with other keys but the same values for no change, and skips it.
  add(reached ? 'reached' : 'unreached');
  if (bounced) add('bounced');
  if (failed) add('failed');
  return {
    month: facts.firstOutcomeAt.toISOString().slice(0, 7),
    kind: facts.kind,
    counters,
  };
}
