import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Aggregate } from '@thc/event-store';
import {
  APPOINTMENT_SETTINGS,
  AppointmentSettings,
  SCHEDULING_ACTING_ROLES,
} from '../appointments.settings';
import { AppointmentState } from '../domain/appointment.state';
import { BookingLedger } from '../../booking-ledger/booking-ledger';
import { ensureAppointmentAccess, READ_ACCESS } from '../appointment-access';
import { AppointmentRepository } from '../infrastructure/appointment.repository';
import { AppointmentProviderCare } from '../provider-care';
import { REASON_SEALER, ReasonSealer } from '../infrastructure/reason-sealer';
import { scheduledOrFail } from '../scheduled-or-fail';
import { WaitlistOffers } from '../../waitlist/waitlist-offers';
import { heldClaimsOf } from '../visit-claims';
import { CancelAppointmentDto } from './cancel-appointment.dto';
import { Clock, CLOCK } from '@thc/service-runtime';

/**
 * Cancels by the patient, the provider or staff: AppointmentCancelled (late when inside the
 * configured window), then the time of the provider, the interpreter and the patient is
 * released and offered to the waitlist. A release that fails is harmless: the claim
 * belongs to a cancelled appointment and expires (see BookingLedger).
 */
@Injectable()
export class CancelAppointmentHandler {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly ledger: BookingLedger,
    @Inject(REASON_SEALER) private readonly sealer: ReasonSealer,
    @Inject(APPOINTMENT_SETTINGS) private readonly settings: AppointmentSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly waitlist: WaitlistOffers,
    private readonly care: AppointmentProviderCare,
  ) {}

  async execute(
    appointmentId: string,
    input: CancelAppointmentDto,
    principal: Principal,
  ): Promise<Aggregate<AppointmentState>> {
    const now = this.clock();
    const before = await this.appointments.load(appointmentId);
    const current = ensureAppointmentAccess(principal, before.state, READ_ACCESS);
    // The answer is the whole appointment: a provider past the care window gets none of it.
    await this.care.ensureCurrent(principal, current);
    const reason = input.reason
      ? await this.sealer.seal(current.patientId, input.reason)
      : undefined;
    const after = await this.appointments.handle(
      appointmentId,
      {
        type: 'CancelAppointment',
        reasonCode: input.reasonCode,
        ...(reason ? { reason } : {}),
        lateCancelWindowMinutes: this.settings.lateCancelWindowMinutes,
        at: now.toISOString(),
        by: actorOf(principal, SCHEDULING_ACTING_ROLES),
      },
      {
        check: (state) => ensureAppointmentAccess(principal, state, READ_ACCESS),
        metadata: { actor: principal.subject },
        loaded: before,
      },
    );
    const cancelled = scheduledOrFail(after.state);
    await this.ledger.releaseQuietly(heldClaimsOf(cancelled), 'cancelled', now);
    // The time is free again: the first waiting patient it suits is offered it.
    const { providerId, clinicId, visitType, start, end, timeZone } = cancelled;
    await this.waitlist.offerQuietly(
      appointmentId,
      { providerId, clinicId, visitType, start, end, timeZone },
      now,
    );
    return after;
  }
}
