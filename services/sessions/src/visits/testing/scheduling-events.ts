import type { EventDataOf } from '@thc/contracts';
import { randomUUID } from 'node:crypto';

export const BOOKED = 'thc.scheduling.AppointmentBooked.v1';
export const RESCHEDULED = 'thc.scheduling.AppointmentRescheduled.v1';
export const CANCELLED = 'thc.scheduling.AppointmentCancelled.v1';
export const CONSENT_GRANTED = 'thc.compliance.ConsentGranted.v1';
export const CONSENT_REVOKED = 'thc.compliance.ConsentRevoked.v1';

/** A contract-valid AppointmentBooked for a fresh appointment starting at `start`. */
export function booking(start: Date, minutes = 30): EventDataOf<typeof BOOKED> {
  const patientId = randomUUID();
  const providerId = randomUUID();
  return {
    appointmentId: randomUUID(),
    providerId,
    patientId,
    clinicId: randomUUID(),
    visitType: 'video',
    start: start.toISOString(),
    end: new Date(start.getTime() + minutes * 60_000).toISOString(),
    timeZone: 'America/New_York',
    participants: [
      { participantId: patientId, role: 'patient' },
      { participantId: providerId, role: 'provider' },
    ],
    bookedAt: new Date().toISOString(),
    bookedBy: { kind: 'user', userId: randomUUID(), role: 'coordinator' },
  };
}

export function consentGranted(patientId: string): EventDataOf<typeof CONSENT_GRANTED> {
  return {
    consentId: randomUUID(),
    patientId,
    scope: 'telehealth',
    formVersion: '2026-01',
    method: 'electronic-signature',
    grantedAt: new Date().toISOString(),
    capturedBy: { kind: 'user', userId: patientId, role: 'patient' },
  };
}
