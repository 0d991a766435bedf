import { EXAMPLE_IDS } from '@thc/contracts';
import { randomUUID } from 'node:crypto';
import { PlatformEventInput } from '../../testing/compliance-test-app';

/** The data of a video visit booked by a coordinator, the contract's example ids throughout. */
export function bookedExample(): Record<string, unknown> {
  return {
    appointmentId: EXAMPLE_IDS.appointmentId,
    providerId: EXAMPLE_IDS.providerId,
    patientId: EXAMPLE_IDS.patientId,
    clinicId: EXAMPLE_IDS.clinicId,
    visitType: 'video',
    start: '2031-03-09T09:00:00-04:00',
    end: '2031-03-09T09:30:00-04:00',
    timeZone: 'America/New_York',
    participants: [
      { participantId: EXAMPLE_IDS.patientId, role: 'patient' },
      { participantId: EXAMPLE_IDS.providerId, role: 'provider' },
    ],
    bookedAt: '2026-03-02T14:12:05Z',
    bookedBy: { kind: 'user', userId: EXAMPLE_IDS.coordinatorId, role: 'coordinator' },
  };
}

/** A new appointment booked for the patient, as scheduling publishes it. */
export const bookingFor = (patientId: string, traceparent?: string): PlatformEventInput => ({
  type: 'thc.scheduling.AppointmentBooked.v1',
  data: { ...bookedExample(), appointmentId: randomUUID(), patientId },
  ...(traceparent ? { traceparent } : {}),
});
