import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyError, DuplicateEventIdError } from '@thc/event-store';
import { derivedEventId } from '@thc/event-store/decider';
import { offerName } from './domain/offer-chain';
import type { FreedSlot } from './domain/waitlist.commands';
import { WaitlistRuleError } from './domain/waitlist.errors';
import { hasOpenOffer, slotMatches, wasOffered } from './domain/waitlist.state';
import { WaitlistQueueDocument, WaitlistRepository } from './waitlist.repository';
import { WAITLIST_SETTINGS, WaitlistSettings } from './waitlist.settings';

/** What one round of a freed slot came to. */
export type RoundOutcome =
  | 'offered'
  /** Someone else (another instance, an earlier try) made this round: its id is stored. */
  | 'made-already'
  /** No entry waits for this slot, or every one that does holds an open offer or had it. */
  | 'nobody';

/** Cheap check on the queue document: passes over entries the slot cannot suit. */
function mayWant(candidate: WaitlistQueueDocument, slot: FreedSlot): boolean {
  if (candidate.providerId !== undefined && candidate.providerId !== slot.providerId) return false;
  return (
    candidate.earlierThan === undefined ||
    Date.parse(slot.start) < Date.parse(candidate.earlierThan)
  );
}

/**
 * Makes one round of a freed slot's offer chain: the first entry in queue order that it
 * suits, holding no open offer and never offered this slot, gets it. Each entry's offer is
 * decided on its own stream with its version; the event id derives from the slot and the
 * round, so one round is stored once, whoever repeats it.
 */
@Injectable()
export class WaitlistCandidates {
  constructor(
    private readonly waitlist: WaitlistRepository,
    @Inject(WAITLIST_SETTINGS) private readonly settings: WaitlistSettings,
  ) {}

  async offerRound(
    freedBy: string,
    slot: FreedSlot,
    round: number,
    at: string,
  ): Promise<RoundOutcome> {
    const name = offerName(freedBy, slot, round);
    for (const candidate of await this.waitlist.waitingIn(slot.clinicId, slot.visitType)) {
      if (!mayWant(candidate, slot)) continue;
      const before = await this.waitlist.load(candidate._id);
      if (before.state.status === 'left') await this.waitlist.dequeue(candidate._id);
      if (before.state.status !== 'waiting') continue;
      const { state } = before;
      if (!slotMatches(state.entry, slot, at) || hasOpenOffer(state, at) || wasOffered(state, slot))
        continue;
      try {
        const command = {
          type: 'OfferSlot',
          offerId: derivedEventId(name),
          slot,
          offerMinutes: this.settings.offerMinutes,
          at,
        } as const;
        await this.waitlist.handle(candidate._id, command, {
          loaded: before,
          metadata: { actor: 'scheduling' },
          eventIds: [derivedEventId(`${name}/event`)],
        });
        return 'offered';
      } catch (error) {
        if (error instanceof DuplicateEventIdError) return 'made-already';
        // The entry changed meanwhile (an offer of another slot, leaving): the next one.
        if (error instanceof ConcurrencyError || error instanceof WaitlistRuleError) continue;
        throw error;
      }
    }
    return 'nobody';
  }
}
