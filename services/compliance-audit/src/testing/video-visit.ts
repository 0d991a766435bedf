import { randomUUID } from 'node:crypto';
import { PlatformEventInput } from './compliance-test-app';

export const user = (userId: string, role: string) => ({ kind: 'user', userId, role });

/**
 * A video visit of the patient with the provider on 9 March 2026, booked on 2 March by the
 * coordinator, as scheduling and sessions publish it: its booking, its session's creation, and
 * its start at a given instant.
 */
export function videoVisit(patientId: string, providerId: string, coordinatorId = randomUUID()) {
  const appointmentId = randomUUID();
  const sessionId = randomUUID();
  const participants = [
    { participantId: patientId, role: 'patient' },
    { participantId: providerId, role: 'provider' },
  ];
  const booked: PlatformEventInput = {
    type: 'thc.scheduling.AppointmentBooked.v1',
    data: {
      appointmentId,
      providerId,
      patientId,
      clinicId: randomUUID(),
      visitType: 'video',
      start: '2026-03-09T09:00:00-04:00',
      end: '2026-03-09T09:30:00-04:00',
      timeZone: 'America/New_York',
      participants,
      bookedAt: '2026-03-02T14:12:05Z',
      bookedBy: user(coordinatorId, 'coordinator'),
    },
  };
  const created: PlatformEventInput = {
    type: 'thc.sessions.SessionCreated.v1',
    data: {
      sessionId,
      appointmentId,
      providerId,
      patientId,
      clinicId: randomUUID(),
      visitType: 'video',
      scheduledStart: '2026-03-09T09:00:00-04:00',
      scheduledEnd: '2026-03-09T09:30:00-04:00',
      participants,
      createdAt: '2026-03-02T14:12:06Z',
    },
  };
  const started = (at = new Date().toISOString()): PlatformEventInput => ({
    type: 'thc.sessions.SessionStarted.v1',
    data: {
      sessionId,
      appointmentId,
      consentId: randomUUID(),
      startedAt: at,
      startedBy: user(providerId, 'provider'),
    },
  });
  return { appointmentId, sessionId, booked, created, started };
}
