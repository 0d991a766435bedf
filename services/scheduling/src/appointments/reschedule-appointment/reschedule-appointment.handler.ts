import { Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Aggregate } from '@thc/event-store';
import { ensureAppointmentAccess, READ_ACCESS } from '../appointment-access';
import { SCHEDULING_ACTING_ROLES } from '../appointments.settings';
import { BookingStep } from '../booking-step';
import { interpreterOf } from '../domain/appointment.decider';
import { AppointmentRuleError } from '../domain/appointment.errors';
import type { PatientLocation } from '../domain/appointment.events';
import { AppointmentState } from '../domain/appointment.state';
import { AppointmentProviderCare } from '../provider-care';
import { SlotChecks } from '../slot-checks';
import { claimsFor, heldClaimsOf } from '../visit-claims';
import { RescheduleAppointmentDto } from './reschedule-appointment.dto';

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
    private readonly step: BookingStep,
    private readonly checks: SlotChecks,
    private readonly care: AppointmentProviderCare,
  ) {}

  async execute(
    appointmentId: string,
    input: RescheduleAppointmentDto,
    principal: Principal,
  ): Promise<Aggregate<AppointmentState>> {
    const now = this.step.clock();
    const before = await this.step.appointments.load(appointmentId);
    const current = ensureAppointmentAccess(principal, before.state, READ_ACCESS);
    // Moving a long-past visit ahead would open a new care window: only within the current one.
    await this.care.ensureCurrent(principal, current);
    const { reason: text, patientLocation: restated, ...slot } = input;
    const patientLocation = restated ?? current.patientLocation;
    const interpreterId = interpreterOf(current);
    const reason = text ? await this.step.sealer.seal(current.patientId, text) : undefined;
    const decide = (movedInterpreterId?: string) =>
      this.step.appointments.decide(before, {
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
    const [buffers, interpreterPool] = await Promise.all([
      this.checks.bookable(
        { ...slot, visitType: current.visitType, appointmentId },
        this.licensedIn(patientLocation),
        now,
      ),
      interpreterId
        ? this.step.views
            .languageOf(appointmentId)
            .then((language) => this.step.interpreters.forMove(move, interpreterId, language, now))
        : undefined,
    ]);

    const visit = { ...move, patientId: current.patientId };
    const after = await this.step.ledger.holding(
      claimsFor(visit, buffers, interpreterPool),
      now,
      async (held) => {
        const interpreter = held.find((claim) => claim.owner.kind === 'interpreter');
        return this.step.appointments.appendOrConfirm(
          appointmentId,
          decide(interpreter?.owner.id),
          { metadata: { actor: principal.subject } },
          (state) => state.status === 'booked' && state.start === input.start,
        );
      },
    );
    await this.step.ledger.releaseQuietly(heldClaimsOf(current), 'rescheduled', now);
    return after;
  }

  /**
   * A move is checked like a booking, at the location restated or stated before; an
   * appointment with neither is refused while licences are required.
   */
  private licensedIn(location: PatientLocation | undefined): string | undefined {
    if (location) return location.state;
    if (!this.step.settings.requireLicence) return undefined;
    throw new AppointmentRuleError(
      'patientLocation: the appointment has no location on record; say where the patient will be during the visit',
    );
  }
}
