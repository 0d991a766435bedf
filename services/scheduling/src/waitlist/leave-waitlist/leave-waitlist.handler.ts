import { Inject, Injectable, Logger } from '@nestjs/common';
import { actorOf, ensurePatientAccess, Principal } from '@thc/auth';
import { ConcurrencyError } from '@thc/event-store';
import { SCHEDULING_ACTING_ROLES } from '../../appointments/appointments.settings';
import { WaitlistEntryNotFoundError } from '../domain/waitlist.errors';
import { openOffer, WaitlistState } from '../domain/waitlist.state';
import { WaitlistOffers } from '../offer-freed-slot/waitlist-offers';
import { WaitlistRepository } from '../waitlist.repository';
import { LeaveWaitlistDto } from './leave-waitlist.dto';
import { Clock, CLOCK } from '@thc/service-runtime';

type Left = Extract<WaitlistState, { status: 'left' }>;

/**
 * The patient, or staff for them, takes an entry off the waitlist (WaitlistLeft). The stream
 * decides: a left entry is refused every later offer, and leaving twice is refused. An open
 * offer the entry held goes on to the next patient.
 */
@Injectable()
export class LeaveWaitlistHandler {
  private readonly logger = new Logger(LeaveWaitlistHandler.name);

  constructor(
    private readonly waitlist: WaitlistRepository,
    private readonly offers: WaitlistOffers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(id: string, input: LeaveWaitlistDto, principal: Principal): Promise<Left> {
    const now = this.clock();
    const at = now.toISOString();
    for (let attempt = 0; ; attempt++) {
      const before = await this.waitlist.load(id);
      if (before.state.status === 'none') throw new WaitlistEntryNotFoundError();
      const { patientId, clinicId } = before.state.entry;
      ensurePatientAccess(principal, patientId, false, [clinicId]);
      const command = {
        type: 'LeaveWaitlist',
        reasonCode: input.reasonCode,
        at,
        by: actorOf(principal, SCHEDULING_ACTING_ROLES),
      } as const;
      try {
        const after = await this.waitlist.append(id, before, command, principal.subject);
        if (after.state.status !== 'left') throw new Error('waitlist entry not left');
        await this.afterLeaving(id, before.state, now);
        return after.state;
      } catch (error) {
        // An offer was appended meanwhile: leave again from what is stored now.
        if (attempt >= 2 || !(error instanceof ConcurrencyError)) throw error;
      }
    }
  }

  /** The stream is what refuses offers; the queue and the held offer only catch up. */
  private async afterLeaving(id: string, before: WaitlistState, now: Date): Promise<void> {
    await this.waitlist.dequeue(id).catch((error: unknown) => {
      this.logger.warn(`left entry ${id} still queued: ${(error as Error).message}`);
    });
    const held = openOffer(before, now.toISOString());
    if (held) await this.offers.passOnQuietly(held, id, now);
  }
}
