import { Injectable } from '@nestjs/common';
import type { ClaimHolders } from '../../booking-ledger/claim-holders.port';
import type { LedgerOwner } from '../../booking-ledger/ledger-owner';
import type { ClaimedTime } from '../../booking-ledger/ledger.events';
import { interpreterOf } from '../domain/appointment.decider';
import { AppointmentRepository } from './appointment.repository';

/**
 * The booking ledger's question about an old claim, answered from the appointment's stream:
 * whether it holds that time, for that owner, at all.
 */
@Injectable()
export class AppointmentClaimHolders implements ClaimHolders {
  constructor(private readonly appointments: AppointmentRepository) {}

  async holdsTime(claim: ClaimedTime, owner: LedgerOwner): Promise<boolean> {
    const { state } = await this.appointments.load(claim.appointmentId);
    if (state.status === 'none' || state.status === 'proposed' || state.status === 'cancelled')
      return false;
    const sameTime =
      Date.parse(state.start) === Date.parse(claim.visitStart) &&
      Date.parse(state.end) === Date.parse(claim.visitEnd);
    const theirs =
      owner.kind === 'patient'
        ? state.patientId === owner.id
        : state.providerId === owner.id || interpreterOf(state) === owner.id;
    return sameTime && theirs;
  }
}
