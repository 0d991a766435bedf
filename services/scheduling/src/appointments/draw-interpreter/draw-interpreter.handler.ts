import { Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Aggregate, ConcurrencyError } from '@thc/event-store';
import { SCHEDULING_ACTING_ROLES } from '../appointments.settings';
import { interpreterDrawnFrom, interpreterOf } from '../domain/appointment.decider';
import { AppointmentRuleError } from '../domain/appointment.errors';
import { AppointmentState, Scheduled } from '../domain/appointment.state';
import { AppointmentAccess, ensureAppointmentAccess } from '../appointment-access';
import { BookingStep } from '../booking-step';
import { AppointmentProviderCare } from '../provider-care';
import { DrawInterpreterDto } from './draw-interpreter.dto';

/** The visit's own provider, and coordinators and admins of its clinic; not the patient. */
export const DRAW_ACCESS: AppointmentAccess = {
  patient: false,
  provider: true,
  staff: ['coordinator', 'admin'],
};

/**
 * Draws an interpreter of the language for the rest of a visit, now: the first of the pool
 * (credentialed, at work until the visit ends) whose claim in the booking ledger holds, from
 * now (or the visit's start, when later) to the end, through the same claims as a booking, so
 * two draws or a draw and a booking never hold one interpreter twice. Then InterpreterAssigned
 * is appended; a draw that loses the append gives its claim back.
 */
@Injectable()
export class DrawInterpreterHandler {
  constructor(
    private readonly step: BookingStep,
    private readonly care: AppointmentProviderCare,
  ) {}

  async execute(
    appointmentId: string,
    input: DrawInterpreterDto,
    principal: Principal,
  ): Promise<{ readonly after: Aggregate<AppointmentState>; readonly language: string }> {
    const now = this.step.clock();
    const before = await this.step.appointments.load(appointmentId);
    const current = ensureAppointmentAccess(principal, before.state, DRAW_ACCESS);
    await this.care.ensureCurrent(principal, current);
    // Decided once before any read or claim (only the visit decides, not who), so a draw for an
    // ended, cancelled or already interpreted visit reads and claims nothing.
    this.step.appointments.decide(before, {
      type: 'AssignInterpreter',
      interpreterId: current.providerId,
      at: now.toISOString(),
      by: actorOf(principal, SCHEDULING_ACTING_ROLES),
    });
    const language = input.language ?? (await this.requestedLanguage(current));
    const from = interpreterDrawnFrom(current, now.toISOString());
    const pool = await this.step.interpreters.forDraw(current, language, from, now);

    const after = await this.step.ledger.holding([pool], now, async ([held]) => {
      if (!held) throw pool.none();
      this.step.ensureInTime(now);
      return this.assign(appointmentId, before, held.owner.id, now, principal);
    });
    if (input.language)
      await this.step.noteLanguage(appointmentId, current.patientId, input.language);
    return { after, language };
  }

  /**
   * Appends the assignment. When the appointment moved on meanwhile (the patient checked in, or
   * a concurrent draw landed), decides once more on what it now is: a concurrent draw of the
   * same interpreter is the same outcome (its claim is this one and must not be given back),
   * anything the rules now refuse gives the claim back.
   */
  private async assign(
    appointmentId: string,
    before: Aggregate<AppointmentState>,
    interpreterId: string,
    now: Date,
    principal: Principal,
  ): Promise<Aggregate<AppointmentState>> {
    const command = {
      type: 'AssignInterpreter',
      interpreterId,
      at: now.toISOString(),
      by: actorOf(principal, SCHEDULING_ACTING_ROLES),
    } as const;
    const landed = (state: AppointmentState) =>
      state.status !== 'none' &&
      state.status !== 'proposed' &&
      interpreterOf(state) === interpreterId;
    const options = { metadata: { actor: principal.subject } };
    try {
      return await this.step.appointments.appendOrConfirm(
        appointmentId,
        this.step.appointments.decide(before, command),
        options,
        landed,
      );
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const reloaded = await this.step.appointments.load(appointmentId);
      if (landed(reloaded.state)) return reloaded;
      return this.step.appointments.append(
        appointmentId,
        this.step.appointments.decide(reloaded, command),
        options,
      );
    }
  }

  /** The language asked at booking on demand, as the appointment's view keeps it. */
  private async requestedLanguage(visit: Scheduled): Promise<string> {
    const language = visit.interpreterRequest
      ? await this.step.views.languageOf(visit.appointmentId)
      : undefined;
    if (language) return language;
    throw new AppointmentRuleError(
      visit.interpreterRequest
        ? "language: the language asked on demand is no longer kept (the patient's records were erased); name it"
        : 'language: the visit asked for no interpreter on demand; name the language to draw one of',
    );
  }
}
