import { EXAMPLE_ENCRYPTED } from '@thc/contracts';
import { randomUUID } from 'node:crypto';
import type {
  AppointmentBooked,
  AppointmentCancelled,
  AppointmentRescheduled,
  JoinLinkDeliveryRequested,
  PatientAdmitted,
  PatientArrivedInWaitingRoom,
  ReminderDue,
  SessionCreated,
  SessionEnded,
  SessionStarted,
  WaitlistSlotOffered,
} from '../domain/planning-events';

const iso = (at: Date | string) => new Date(at).toISOString();
const plus = (at: Date | string, minutes: number) =>
  new Date(new Date(at).getTime() + minutes * 60_000).toISOString();

/** A sealed value as sessions or scheduling send one (contract-valid; never opened here). */
export const sealed = (tag = 'x') => ({
  ...EXAMPLE_ENCRYPTED,
  v: 2 as const,
  ciphertext: Buffer.from(`sealed ${tag}`).toString('base64'),
});

/**
 * Contract-valid events of one visit, from booking to end: fresh ids, a patient and provider,
 * and optionally a caregiver and an interpreter.
 */
export class VisitEvents {
  readonly appointmentId = randomUUID();
  readonly sessionId = randomUUID();
  readonly patientId = randomUUID();
  readonly providerId = randomUUID();
  readonly clinicId = randomUUID();
  readonly caregiverId?: string;
  readonly interpreterId?: string;

  constructor(
    readonly start: string,
    readonly minutes = 30,
    withOthers: { caregiver?: boolean; interpreter?: boolean } = {},
  ) {
    if (withOthers.caregiver) this.caregiverId = randomUUID();
    if (withOthers.interpreter) this.interpreterId = randomUUID();
  }

  get end(): string {
    return plus(this.start, this.minutes);
  }

  get participants(): AppointmentBooked['participants'] {
    return [
      { participantId: this.patientId, role: 'patient' },
      { participantId: this.providerId, role: 'provider' },
      ...(this.caregiverId
        ? [{ participantId: this.caregiverId, role: 'caregiver' as const }]
        : []),
      ...(this.interpreterId
        ? [{ participantId: this.interpreterId, role: 'interpreter' as const }]
        : []),
    ];
  }

  booked(bookedAt: Date | string): AppointmentBooked {
    return {
      appointmentId: this.appointmentId,
      providerId: this.providerId,
      patientId: this.patientId,
      clinicId: this.clinicId,
      visitType: 'video',
      start: this.start,
      end: this.end,
      timeZone: 'America/New_York',
      participants: this.participants,
      bookedAt: iso(bookedAt),
      bookedBy: { kind: 'user', userId: randomUUID(), role: 'coordinator' },
    };
  }

  rescheduled(
    from: string,
    to: Date | string,
    rescheduledAt: Date | string,
  ): AppointmentRescheduled {
    return {
      appointmentId: this.appointmentId,
      providerId: this.providerId,
      previousStart: from,
      previousEnd: plus(from, this.minutes),
      start: iso(to),
      end: plus(to, this.minutes),
      timeZone: 'America/Chicago',
      rescheduledAt: iso(rescheduledAt),
      rescheduledBy: { kind: 'user', userId: this.patientId, role: 'patient' },
    };
  }

  cancelled(cancelledAt: Date | string): AppointmentCancelled {
    return {
      appointmentId: this.appointmentId,
      cancelledAt: iso(cancelledAt),
      cancelledBy: { kind: 'user', userId: this.patientId, role: 'patient' },
      reasonCode: 'patient-request',
      late: false,
    };
  }

  reminderDue(offsetMinutes: number, start = this.start): ReminderDue {
    return {
      appointmentId: this.appointmentId,
      reminderId: randomUUID(),
      patientId: this.patientId,
      channel: 'email',
      contact: sealed('contact'),
      visitType: 'video',
      appointmentStart: start,
      offsetMinutes,
      dueAt: plus(start, -offsetMinutes),
    };
  }

  slotOffered(offeredAt: Date | string): WaitlistSlotOffered {
    return {
      waitlistEntryId: randomUUID(),
      offerId: randomUUID(),
      patientId: this.patientId,
      providerId: this.providerId,
      clinicId: this.clinicId,
      visitType: 'video',
      start: this.start,
      end: this.end,
      timeZone: 'America/New_York',
      offeredAt: iso(offeredAt),
      expiresAt: plus(offeredAt, 60),
    };
  }

  sessionCreated(createdAt: Date | string): SessionCreated {
    return {
      sessionId: this.sessionId,
      appointmentId: this.appointmentId,
      providerId: this.providerId,
      patientId: this.patientId,
      clinicId: this.clinicId,
      visitType: 'video',
      scheduledStart: this.start,
      scheduledEnd: this.end,
      participants: this.participants,
      createdAt: iso(createdAt),
    };
  }

  linkRequested(
    participantId: string,
    role: JoinLinkDeliveryRequested['role'],
    deliver: JoinLinkDeliveryRequested['deliver'],
    requestedAt: Date | string,
    link = sealed(`link ${participantId} ${iso(requestedAt)}`),
  ): JoinLinkDeliveryRequested {
    return {
      sessionId: this.sessionId,
      appointmentId: this.appointmentId,
      patientId: this.patientId,
      linkId: randomUUID(),
      participantId,
      role,
      link,
      visitStart: this.start,
      expiresAt: plus(this.end, 30),
      deliver,
      requestedAt: iso(requestedAt),
    };
  }

  arrived(arrivedAt: Date | string): PatientArrivedInWaitingRoom {
    return {
      sessionId: this.sessionId,
      appointmentId: this.appointmentId,
      patientId: this.patientId,
      arrivedAt: iso(arrivedAt),
    };
  }

  admitted(admittedAt: Date | string): PatientAdmitted {
    return {
      sessionId: this.sessionId,
      patientId: this.patientId,
      admittedAt: iso(admittedAt),
      admittedBy: { kind: 'user', userId: this.providerId, role: 'provider' },
    };
  }

  started(startedAt: Date | string): SessionStarted {
    return {
      sessionId: this.sessionId,
      appointmentId: this.appointmentId,
      consentId: randomUUID(),
      startedAt: iso(startedAt),
      startedBy: { kind: 'user', userId: this.providerId, role: 'provider' },
    };
  }

  ended(
    endedAt: Date | string,
    startedAt: Date | string | undefined,
    outcome: SessionEnded['outcome'] = startedAt ? 'completed' : 'patient-no-show',
  ): SessionEnded {
    return {
      sessionId: this.sessionId,
      appointmentId: this.appointmentId,
      outcome,
      ...(startedAt ? { startedAt: iso(startedAt) } : {}),
      endedAt: iso(endedAt),
      endedBy: { kind: 'user', userId: this.providerId, role: 'provider' },
    };
  }
}
