import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { Aggregate } from '@thc/event-store';
import { CredentialGate } from '../../credentials/credential-gate';
import { APPOINTMENT_SETTINGS, AppointmentSettings, CLOCK, Clock } from '../appointments.settings';
import type { Participant, ReminderChannel, VisitType } from '../domain/appointment.events';
import { AppointmentState, initialAppointmentState } from '../domain/appointment.state';
import { BookingLedger, LedgerOwner, TimeRequest } from '../ledger/booking-ledger';
import { ReminderContacts } from '../reminders/reminder-contacts.store';
import { SLOT_POLICY, SlotPolicy } from '../slot-policy/slot-policy.port';
import { REASON_SEALER, ReasonSealer } from '../shared/reason-sealer';
import { actorOf } from '../shared/actor';
import { AppointmentRepository } from '../shared/appointment.repository';
import { AppointmentViews } from '../shared/appointment-views.store';
import { BookingTooSlowError, SlotNotBookableError } from '../shared/http-errors';

export interface BookingInput {
  readonly appointmentId: string;
  readonly patientId: string;
  readonly providerId: string;
  readonly clinicId: string;
  readonly visitType: VisitType;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly interpreter?: { readonly participantId: string; readonly language: string };
  readonly caregiverId?: string;
  /** Where reminders go; sealed before it is stored. */
  readonly reminderContact?: { readonly channel: ReminderChannel; readonly address: string };
  /** The id was just generated here, so its stream cannot exist yet. */
  readonly fresh?: boolean;
}

/**
 * Books a slot: credential and schedule checks, the decision on the appointment, then the
 * provider's and the patient's ledger days are claimed (each append guarded by its stream
 * version), and only then is AppointmentBooked appended. A failure after a claim gives the
 * claimed time back; a process that dies in between leaves claims that expire (see README).
 */
@Injectable()
export class BookAppointmentHandler {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly views: AppointmentViews,
    private readonly ledger: BookingLedger,
    private readonly credentials: CredentialGate,
    @Inject(SLOT_POLICY) private readonly slots: SlotPolicy,
    @Inject(APPOINTMENT_SETTINGS) private readonly settings: AppointmentSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REASON_SEALER) private readonly sealer: ReasonSealer,
    private readonly reminderContacts: ReminderContacts,
  ) {}

  async execute(input: BookingInput, principal: Principal): Promise<Aggregate<AppointmentState>> {
    const now = this.clock();
    const [, slot, before] = await Promise.all([
      this.credentials.ensureBookable(input.providerId, now, input.end),
      this.slots.check(input, now),
      // A new appointment has a fresh id: no stream to read (on FerretDB every read is a scan).
      input.fresh
        ? { state: initialAppointmentState(), version: 0 }
        : this.appointments.load(input.appointmentId),
    ]);
    if (!slot.bookable) throw new SlotNotBookableError(slot.reason);

    const { fresh: _, reminderContact: __, ...booking } = input;
    const decided = this.appointments.decide(before, {
      type: 'BookAppointment',
      ...booking,
      extraParticipants: extraParticipants(input),
      at: now.toISOString(),
      by: actorOf(principal),
    });

    const time: TimeRequest = {
      appointmentId: input.appointmentId,
      visitStart: input.start,
      visitEnd: input.end,
      bufferBeforeMinutes: slot.bufferBeforeMinutes,
      bufferAfterMinutes: slot.bufferAfterMinutes,
    };
    const provider: LedgerOwner = { kind: 'provider', id: input.providerId };
    const patient: LedgerOwner = { kind: 'patient', id: input.patientId };
    // The patient's own time has no buffers: two of their visits may follow each other.
    const patientTime = { ...time, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

    const booked = await this.ledger.holding(
      [
        { owner: provider, time },
        { owner: patient, time: patientTime },
      ],
      now,
      async () => {
        await this.views.indexAppointment(
          input.appointmentId,
          input.patientId,
          input.providerId,
          input.start,
          input.end,
          input.clinicId,
        );
        // Past half the claim timeout, another booking may soon take these claims for abandoned.
        if (this.clock().getTime() - now.getTime() > this.settings.claimTimeoutMs / 2)
          throw new BookingTooSlowError();
        // The last step that may fail: once the booking is stored, nothing gives its time back.
        return this.appointments.appendOrConfirm(
          input.appointmentId,
          decided,
          { actor: principal.subject },
          (state) => state.status === 'booked' && state.start === input.start,
        );
      },
    );
    // The language is PHI kept in clear: never again for a patient who was erased.
    if (input.interpreter && !(await this.sealer.erased(input.patientId)))
      await this.views.noteLanguage(input.appointmentId, input.interpreter.language);
    if (input.reminderContact) await this.keepReminderContact(input, input.reminderContact);
    return booked;
  }

  /**
   * After the booking: a contact that cannot be sealed (no PHI keys configured) is not kept,
   * and the visit simply gets no reminders; the booking itself stands either way.
   */
  private async keepReminderContact(
    input: BookingInput,
    { channel, address }: NonNullable<BookingInput['reminderContact']>,
  ): Promise<void> {
    const sealed = await this.sealer.seal(input.patientId, address, 'contact');
    if (sealed)
      await this.reminderContacts.record(input.appointmentId, input.patientId, channel, sealed);
  }
}

function extraParticipants(input: BookingInput): Participant[] {
  return [
    ...(input.interpreter
      ? [{ participantId: input.interpreter.participantId, role: 'interpreter' as const }]
      : []),
    ...(input.caregiverId
      ? [{ participantId: input.caregiverId, role: 'caregiver' as const }]
      : []),
  ];
}
