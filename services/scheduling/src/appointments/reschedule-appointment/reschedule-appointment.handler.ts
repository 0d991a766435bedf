import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { Aggregate } from '@thc/event-store';
import { CredentialGate } from '../../credentials/credential-gate';
import { CLOCK, Clock } from '../appointments.settings';
import { AppointmentState } from '../domain/appointment.state';
import { BookingLedger } from '../ledger/booking-ledger';
import { SLOT_POLICY, SlotPolicy } from '../slot-policy/slot-policy.port';
import { actorOf } from '../shared/actor';
import { ensureAppointmentAccess, READ_ACCESS } from '../shared/appointment-access';
import { AppointmentRepository } from '../shared/appointment.repository';
import { AppointmentViews } from '../shared/appointment-views.store';
import { ProviderCare } from '../shared/provider-care';
import { SlotNotBookableError } from '../shared/http-errors';
import { REASON_SEALER, ReasonSealer } from '../shared/reason-sealer';
import { RescheduleAppointmentDto } from './reschedule-appointment.dto';

const buffersOf = (policy: { bufferBeforeMinutes: number; bufferAfterMinutes: number }) => ({
  bufferBeforeMinutes: policy.bufferBeforeMinutes,
  bufferAfterMinutes: policy.bufferAfterMinutes,
});

/**
 * Moves a booked appointment: the new time is claimed like a booking (the old one stays held
 * meanwhile, so a failure leaves the appointment where it was), AppointmentRescheduled is
 * appended, and only then is the old time released. The stream keeps every earlier slot.
 */
@Injectable()
export class RescheduleAppointmentHandler {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly views: AppointmentViews,
    private readonly ledger: BookingLedger,
    private readonly credentials: CredentialGate,
    @Inject(SLOT_POLICY) private readonly slots: SlotPolicy,
    @Inject(REASON_SEALER) private readonly sealer: ReasonSealer,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly care: ProviderCare,
  ) {}

  async execute(
    appointmentId: string,
    input: RescheduleAppointmentDto,
    principal: Principal,
  ): Promise<Aggregate<AppointmentState>> {
    const now = this.clock();
    const before = await this.appointments.load(appointmentId);
    const current = ensureAppointmentAccess(principal, before.state, READ_ACCESS);
    // Moving a long-past visit ahead would open a new care window: only within the current one.
    await this.care.ensureCurrent(principal, current);
    const { reason: text, ...slot } = input;
    const reason = text ? await this.sealer.seal(current.patientId, text) : undefined;
    const decided = this.appointments.decide(before, {
      type: 'RescheduleAppointment',
      ...slot,
      ...(reason ? { reason } : {}),
      at: now.toISOString(),
      by: actorOf(principal),
    });
    await this.credentials.ensureBookable(input.providerId, now, input.end);
    const policy = await this.slots.check(
      { ...slot, visitType: current.visitType, appointmentId },
      now,
    );
    if (!policy.bookable) throw new SlotNotBookableError(policy.reason);

    const visit = { appointmentId, visitStart: input.start, visitEnd: input.end };
    const noBuffers = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
    const after = await this.ledger.holding(
      [
        {
          owner: { kind: 'provider', id: input.providerId },
          time: { ...visit, ...buffersOf(policy) },
        },
        { owner: { kind: 'patient', id: current.patientId }, time: { ...visit, ...noBuffers } },
      ],
      now,
      async () => {
        await this.views.indexAppointment(
          appointmentId,
          current.patientId,
          input.providerId,
          input.start,
          input.end,
          current.clinicId,
        );
        return this.appointments.appendOrConfirm(
          appointmentId,
          decided,
          { actor: principal.subject },
          (state) => state.status === 'booked' && state.start === input.start,
        );
      },
    );
    const old = { appointmentId, visitStart: current.start, visitEnd: current.end, ...noBuffers };
    await this.ledger.releaseQuietly(
      [
        { owner: { kind: 'provider', id: current.providerId }, time: old },
        { owner: { kind: 'patient', id: current.patientId }, time: old },
      ],
      'rescheduled',
      now,
    );
    return after;
  }
}
