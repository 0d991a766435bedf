import { Injectable, NotFoundException } from '@nestjs/common';
import { ensurePatientAccess, Principal } from '@thc/auth';
import type { WaitlistState } from '../domain/waitlist.state';
import { WaitlistRepository } from '../waitlist.repository';

/** One waitlist entry, read from its stream, for its patient or the staff of its clinic. */
@Injectable()
export class ReadWaitlistQuery {
  constructor(private readonly waitlist: WaitlistRepository) {}

  async execute(
    id: string,
    principal: Principal,
  ): Promise<Exclude<WaitlistState, { status: 'none' }>> {
    const { state } = await this.waitlist.load(id);
    if (state.status === 'none') throw new NotFoundException(`no waitlist entry ${id}`);
    ensurePatientAccess(principal, state.entry.patientId, false, [state.entry.clinicId]);
    return state;
  }
}
