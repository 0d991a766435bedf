import { Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Aggregate } from '@thc/event-store';
import { SCHEDULING_ACTING_ROLES } from '../appointments.settings';
import { BookingStep } from '../booking-step';
import type { BookAppointment } from '../domain/appointment.commands';
import { AppointmentRuleError } from '../domain/appointment.errors';
import type {
  InterpreterRequest,
  Participant,
  PatientLocation,
  ReminderChannel,
  VisitType,
} from '../domain/appointment.events';
import { AppointmentState, initialAppointmentState } from '../domain/appointment.state';
import { ReminderContacts } from '../infrastructure/reminder-contacts.projection';
import { SlotChecks } from '../slot-checks';
import { claimsFor } from '../visit-claims';

/** An interpreter asked for: one named, any of the pool, or one drawn on demand at visit time. */
export interface InterpreterAsked {
  readonly language: string;
  readonly participantId?: string;
  readonly onDemand?: boolean;
}

export interface BookingInput {
  readonly appointmentId: string;
  readonly patientId: string;
  readonly providerId: string;
  readonly clinicId: string;
  readonly visitType: VisitType;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  /** Where the patient says they will be: the provider must be licensed there. */
  readonly patientLocation: PatientLocation;
  readonly interpreter?: InterpreterAsked;
  readonly caregiverId?: string;
  /** Where reminders go; sealed before it is stored. */
  readonly reminderContact?: { readonly channel: ReminderChannel; readonly address: string };
  /** The id was just generated here, so its stream cannot exist yet. */
  readonly fresh?: boolean;
}

/**
 * Books a slot: credential, licence, schedule and interpreter checks, the decision on the
 * appointment, then the provider's, the interpreter's (the first of the pool whose claim holds)
 * and the patient's ledger days are claimed (each append guarded by its stream version), and
 * only then is AppointmentBooked appended; its views follow the append (AppointmentRepository).
 * A failure after a claim gives the claimed time back; a process that dies in between leaves
 * claims that expire (see README).
 */
@Injectable()
export class BookAppointmentHandler {
  constructor(
    private readonly step: BookingStep,
    private readonly checks: SlotChecks,
    private readonly reminderContacts: ReminderContacts,
  ) {}

  async execute(input: BookingInput, principal: Principal): Promise<Aggregate<AppointmentState>> {
    const now = this.step.clock();
    const asked = input.interpreter;
    if (asked?.onDemand && asked.participantId)
      throw new AppointmentRuleError(
        'an interpreter on demand is drawn from the pool at visit time: name none, or do not ask on demand',
      );
    const held = asked && !asked.onDemand ? asked : undefined;
    const [buffers, before, pool, interpreterRequest] = await Promise.all([
      this.checks.bookable(input, input.patientLocation.state, now),
      // A new appointment has a fresh id: no stream to read (on FerretDB every read is a scan).
      input.fresh
        ? { state: initialAppointmentState(), version: 0 }
        : this.step.appointments.load(input.appointmentId),
      held
        ? this.step.interpreters.forVisit(input, held.language, now, held.participantId)
        : undefined,
      asked?.onDemand ? this.onDemand(input.patientId, asked.language) : undefined,
    ]);

    const { fresh: _, reminderContact: __, interpreter: ___, ...booking } = input;
    const decide = (interpreterId?: string) =>
      this.step.appointments.decide(before, {
        type: 'BookAppointment',
        ...booking,
        extraParticipants: extraParticipants(interpreterId, input.caregiverId),
        ...(interpreterRequest ? { interpreterRequest } : {}),
        at: now.toISOString(),
        by: actorOf(principal, SCHEDULING_ACTING_ROLES),
      } satisfies BookAppointment);
    // Decided once before any claim, so a request the rules refuse claims nothing.
    decide(pool?.oneOf[0]?.owner.id);

    const claims = claimsFor(input, buffers, pool);
    const booked = await this.step.ledger.holding(claims, now, async (holding) => {
      this.step.ensureInTime(now);
      const interpreter = holding.find((claim) => claim.owner.kind === 'interpreter');
      // The last step that may fail: once the booking is stored, nothing gives its time back.
      return this.step.appointments.appendOrConfirm(
        input.appointmentId,
        decide(interpreter?.owner.id),
        { metadata: { actor: principal.subject } },
        (state) => state.status === 'booked' && state.start === input.start,
      );
    });
    if (asked) await this.step.noteLanguage(input.appointmentId, input.patientId, asked.language);
    if (input.reminderContact) await this.keepReminderContact(input, input.reminderContact);
    return booked;
  }

  /** The on-demand request as the event carries it: the language sealed, or dropped. */
  private async onDemand(patientId: string, language: string): Promise<InterpreterRequest> {
    const sealed = await this.step.sealer.seal(patientId, language, 'interpreter-language');
    return { onDemand: true, ...(sealed ? { language: sealed } : {}) };
  }

  /**
   * After the booking: a contact that cannot be sealed (no PHI keys configured) is not kept,
   * and the visit simply gets no reminders; the booking itself stands either way.
   */
  private async keepReminderContact(
    input: BookingInput,
    { channel, address }: NonNullable<BookingInput['reminderContact']>,
  ): Promise<void> {
    const sealed = await this.step.sealer.seal(input.patientId, address, 'contact');
    if (sealed)
      await this.reminderContacts.record(input.appointmentId, input.patientId, channel, sealed);
  }
}

function extraParticipants(interpreterId?: string, caregiverId?: string): Participant[] {
  return [
    ...(interpreterId ? [{ participantId: interpreterId, role: 'interpreter' as const }] : []),
    ...(caregiverId ? [{ participantId: caregiverId, role: 'caregiver' as const }] : []),
  ];
}
