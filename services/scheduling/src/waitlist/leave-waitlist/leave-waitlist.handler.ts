import { Inject, Injectable } from '@nestjs/common';
import { actorOf, ensurePatientAccess, Principal } from '@thc/auth';
import { Clock, CLOCK } from '@thc/service-runtime';
import { SCHEDULING_ACTING_ROLES } from '../../appointments/appointments.settings';
import { WaitlistEntryNotFoundError } from '../domain/waitlist.errors';
import { offerOpen, WaitlistState } from '../domain/waitlist.state';
import { WaitlistOffers } from '../waitlist-offers';
import { WaitlistRepository } from '../waitlist.repository';
import { LeaveWaitlistDto } from './leave-waitlist.dto';

type Left = Extract<WaitlistState, { status: 'left' }>;

/** Only the patient, or staff of the entry's clinic, may act on the entry. */
function mayLeave(principal: Principal) {
  return (state: WaitlistState): void => {
    if (state.status === 'none') throw new WaitlistEntryNotFoundError();
    ensurePatientAccess(principal, state.entry.patientId, false, [state.entry.clinicId]);
  };
}

/**
 * The patient, or staff for them, takes an entry off the waitlist (WaitlistLeft). The stream
 * decides: a left entry is refused every later offer, and leaving twice is refused. The
 * repository takes the entry off the queue; an open offer it held goes on to the next patient.
 */
@Injectable()
export class LeaveWaitlistHandler {
  constructor(
    private readonly waitlist: WaitlistRepository,
    private readonly offers: WaitlistOffers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(id: string, input: LeaveWaitlistDto, principal: Principal): Promise<Left> {
    const now = this.clock();
    const at = now.toISOString();
    const command = {
      type: 'LeaveWaitlist',
      reasonCode: input.reasonCode,
      at,
      by: actorOf(principal, SCHEDULING_ACTING_ROLES),
    } as const;
    // An offer appended meanwhile conflicts: leave again from what is stored then.
    const { state } = await this.waitlist.handle(id, command, {
      check: mayLeave(principal),
      metadata: { actor: principal.subject },
      retryOnConflict: 2,
    });
    if (state.status !== 'left') throw new Error('waitlist entry not left');
    const held = state.offers.find((offer) => offerOpen(offer, at));
    if (held) await this.offers.passOnQuietly(held, id, now);
    return state;
  }
}
