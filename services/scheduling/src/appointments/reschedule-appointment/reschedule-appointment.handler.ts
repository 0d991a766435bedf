import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Aggregate } from '@thc/event-store';
import { CredentialGate } from '../../credentials/credential-gate';
import { LicenceGate } from '../../credentials/licence-gate';
import {
  APPOINTMENT_SETTINGS,
  AppointmentSettings,
  SCHEDULING_ACTING_ROLES,
} from '../appointments.settings';
import { interpreterOf } from '../domain/appointment.decider';
import { AppointmentRuleError } from '../domain/appointment.errors';
import type { PatientLocation } from '../domain/appointment.events';
import { InterpreterClaims } from '../interpreters/interpreter-claims';
import { AppointmentState } from '../domain/appointment.state';
import { BookingLedger } from '../ledger/booking-ledger';
import { SLOT_POLICY, SlotPolicy } from '../slot-policy/slot-policy.port';
import { ensureAppointmentAccess, READ_ACCESS } from '../shared/appointment-access';
import { AppointmentRepository } from '../shared/appointment.repository';
import { AppointmentViews } from '../shared/appointment-views.store';
import { ProviderCare } from '../shared/provider-care';
import { SlotNotBookableError } from '../shared/http-errors';
import { REASON_SEALER, ReasonSealer } from '../shared/reason-sealer';
import { RescheduleAppointmentDto } from './reschedule-appointment.dto';
import { Clock, CLOCK } from '@thc/service-runtime';

const buffersOf = (policy: { bufferBeforeMinutes: number; bufferAfterMinutes: number }) => ({
  bufferBeforeMinutes: policy.bufferBeforeMinutes,
  bufferAfterMinutes: policy.bufferAfterMinutes,
});

/**
 * Moves a booked appointment: checked like a booking (credential, licence where the patient
 * will be, schedule), the new time is claimed like a booking (the old one stays held
 * meanwhile, so a failure leaves the appointment where it was) for the provider, the
 * interpreter (the same one when free, else another who speaks the language) and the patient,
 * AppointmentRescheduled is appended, and only then is the old time released. The stream keeps
 * every earlier slot.
 */
@Injectable()
export class RescheduleAppointmentHandler {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly views: AppointmentViews,
    private readonly ledger: BookingLedger,
    private readonly credentials: CredentialGate,
    private readonly licences: LicenceGate,
    private readonly interpreters: InterpreterClaims,
    @Inject(APPOINTMENT_SETTINGS) private readonly settings: AppointmentSettings,
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
    const { reason: text, patientLocation: restated, ...slot } = input;
    const patientLocation = restated ?? current.patientLocation;
    const interpreterId = interpreterOf(current);
    const reason = text ? await this.sealer.seal(current.patientId, text) : undefined;
    const decide = (movedInterpreterId?: string) =>
      this.appointments.decide(before, {
        type: 'RescheduleAppointment',
        ...slot,
        ...(restated ? { patientLocation: restated } : {}),
        ...(movedInterpreterId ? { interpreterId: movedInterpreterId } : {}),
        at: now.toISOString(),
        by: actorOf(principal, SCHEDULING_ACTING_ROLES),
        ...(reason ? { reason } : {}),
      });
    // Decided once before any check or claim, so a move the rules refuse reads and claims nothing.
    decide();
    const move = {
      appointmentId,
      providerId: input.providerId,
      start: input.start,
      end: input.end,
      visitType: current.visitType,
    };
    const [, , policy, interpreterPool] = await Promise.all([
      this.credentials.ensureBookable(input.providerId, now, input.end),
      this.ensureLicensed(input.providerId, patientLocation, input.end),
      this.slots.check({ ...slot, visitType: current.visitType, appointmentId }, now),
      interpreterId
        ? this.views
            .languageOf(appointmentId)
            .then((language) => this.interpreters.forMove(move, interpreterId, language, now))
        : undefined,
    ]);
    if (!policy.bookable) throw new SlotNotBookableError(policy.reason);

    const visit = { appointmentId, visitStart: input.start, visitEnd: input.end };
    const noBuffers = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
    const after = await this.ledger.holding(
      [
        {
          owner: { kind: 'provider', id: input.providerId },
          time: { ...visit, ...buffersOf(policy) },
        },
        ...(interpreterPool ? [interpreterPool] : []),
        { owner: { kind: 'patient', id: current.patientId }, time: { ...visit, ...noBuffers } },
      ],
      now,
      async (held) => {
        await this.views.indexAppointment(
          appointmentId,
          current.patientId,
          input.providerId,
          input.start,
          input.end,
          current.clinicId,
        );
        const interpreter = held.find((claim) => claim.owner.kind === 'interpreter');
        return this.appointments.appendOrConfirm(
          appointmentId,
          decide(interpreter?.owner.id),
          { actor: principal.subject },
          (state) => state.status === 'booked' && state.start === input.start,
        );
      },
    );
    const old = { appointmentId, visitStart: current.start, visitEnd: current.end, ...noBuffers };
    await this.ledger.releaseQuietly(
      [
        { owner: { kind: 'provider', id: current.providerId }, time: old },
        ...(interpreterId
          ? [{ owner: { kind: 'interpreter', id: interpreterId } as const, time: old }]
          : []),
        { owner: { kind: 'patient', id: current.patientId }, time: old },
      ],
      'rescheduled',
      now,
    );
    return after;
  }

  /** A move is checked like a booking, at the location restated or stated before. */
  private async ensureLicensed(
    providerId: string,
    location: PatientLocation | undefined,
    visitEnd: string,
  ): Promise<void> {
    if (!location) {
      if (!this.settings.requireLicence) return;
      throw new AppointmentRuleError(
        'patientLocation: the appointment has no location on record; say where the patient will be during the visit',
      );
    }
    await this.licences.ensureLicensed(providerId, location.state, visitEnd);
  }
}
