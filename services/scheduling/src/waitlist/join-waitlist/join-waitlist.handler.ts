import { Inject, Injectable } from '@nestjs/common';
import { actorOf, ensurePatientAccess, Principal } from '@thc/auth';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { SCHEDULING_ACTING_ROLES } from '../../appointments/appointments.settings';
import type { JoinWaitlist } from '../domain/waitlist.commands';
import type { WaitlistState } from '../domain/waitlist.state';
import { WaitlistRepository } from '../waitlist.repository';
import type { JoinWaitlistDto } from './join-waitlist.dto';

type Waiting = Extract<WaitlistState, { status: 'waiting' }>;

/** The entry as the event carries it: an absent provider stays absent (not undefined, not null). */
function entryOf(waitlistEntryId: string, dto: JoinWaitlistDto): JoinWaitlist['entry'] {
  const { patientId, clinicId, providerId, visitType, earlierThan, timeZone } = dto;
  return {
    waitlistEntryId,
    patientId,
    clinicId,
    ...(providerId !== undefined ? { providerId } : {}),
    visitType,
    earlierThan,
    timeZone,
  };
}

/**
 * A patient, or staff for them, joins the waitlist (WaitlistJoined) under a new id; the
 * repository queues the entry for offers.
 */
@Injectable()
export class JoinWaitlistHandler {
  constructor(
    private readonly waitlist: WaitlistRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  async execute(dto: JoinWaitlistDto, principal: Principal): Promise<Waiting> {
    ensurePatientAccess(principal, dto.patientId, false, [dto.clinicId]);
    const waitlistEntryId = this.newId();
    const command = {
      type: 'JoinWaitlist',
      entry: entryOf(waitlistEntryId, dto),
      at: this.clock().toISOString(),
      by: actorOf(principal, SCHEDULING_ACTING_ROLES),
    } as const;
    // A new id names no stream yet: nothing to read before deciding.
    const { state } = await this.waitlist.handle(waitlistEntryId, command, {
      loaded: { state: { status: 'none' }, version: 0 },
      metadata: { actor: principal.subject },
    });
    if (state.status !== 'waiting') throw new Error('waitlist entry not stored');
    return state;
  }
}
