import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@thc/service-runtime';
import { BookingLedger } from '../booking-ledger/booking-ledger';
import { APPOINTMENT_SETTINGS, AppointmentSettings } from './appointments.settings';
import { BookingTooSlowError } from './http-errors';
import { AppointmentRepository } from './infrastructure/appointment.repository';
import { AppointmentViews } from './infrastructure/appointment-views.projection';
import { REASON_SEALER, ReasonSealer } from './infrastructure/reason-sealer';
import { InterpreterClaims } from './interpreter-claims';

/**
 * What every step that holds a visit's time in the booking ledger works with (a booking, a
 * move, an interpreter drawn): the appointment's stream and view, the ledger, the interpreters'
 * claims, the settings, the clock and the sealer of PHI.
 */
@Injectable()
export class BookingStep {
  constructor(
    readonly appointments: AppointmentRepository,
    readonly views: AppointmentViews,
    readonly ledger: BookingLedger,
    readonly interpreters: InterpreterClaims,
    @Inject(APPOINTMENT_SETTINGS) readonly settings: AppointmentSettings,
    @Inject(CLOCK) readonly clock: Clock,
    @Inject(REASON_SEALER) readonly sealer: ReasonSealer,
  ) {}

  /**
   * Refuses to go on with claims taken at `since` once half the claim timeout has passed:
   * another booking may soon take them for abandoned.
   */
  ensureInTime(since: Date): void {
    if (this.clock().getTime() - since.getTime() > this.settings.claimTimeoutMs / 2)
      throw new BookingTooSlowError();
  }

  /**
   * Keeps the interpreter's language on the appointment's view. Not in the events, so not the
   * stream's to write: the language is PHI kept in clear (a later move looks for an interpreter
   * who speaks it), on the view only, and never for a patient who was erased.
   */
  async noteLanguage(appointmentId: string, patientId: string, language: string): Promise<void> {
    if (!(await this.sealer.erased(patientId)))
      await this.views.noteLanguage(appointmentId, language);
  }
}
