import type { SessionEndedV1 } from '@thc/contracts';
import type { AppointmentState } from '../domain/appointment.state';
import { commandsForSessionEnd } from './session-outcome';

const ids = {
  appointment: '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01',
  patient: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  provider: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  clinic: '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06',
  session: 'c2e4a6f8-3b5d-4e7f-a9c1-4d6f8b2a3c07',
};

const inStatus = (status: Exclude<AppointmentState['status'], 'none' | 'proposed'>) =>
  ({
    status,
    appointmentId: ids.appointment,
    patientId: ids.patient,
    providerId: ids.provider,
    clinicId: ids.clinic,
    visitType: 'video',
    start: '2026-03-09T13:00:00Z',
    end: '2026-03-09T13:30:00Z',
    timeZone: 'UTC',
    participants: [],
    bookedAt: '2026-03-01T10:00:00Z',
    previousSlots: [],
  }) satisfies AppointmentState;

const ended = (outcome: SessionEndedV1['outcome'], startedAt?: string): SessionEndedV1 => ({
  sessionId: ids.session,
  appointmentId: ids.appointment,
  outcome,
  ...(startedAt ? { startedAt } : {}),
  endedAt: '2026-03-09T13:25:00Z',
  endedBy: { kind: 'system', service: 'sessions' },
});

describe('what a session end means for its appointment', () => {
  it('completes a booked visit, checking it in at the session start', () => {
    expect(
      commandsForSessionEnd(ended('completed', '2026-03-09T13:01:00Z'), inStatus('booked')),
    ).toEqual([
      { type: 'CheckIn', sessionId: ids.session, at: '2026-03-09T13:01:00Z' },
      {
        type: 'CompleteAppointment',
        sessionId: ids.session,
        startedAt: '2026-03-09T13:01:00Z',
        endedAt: '2026-03-09T13:25:00Z',
        at: '2026-03-09T13:25:00Z',
      },
    ]);
  });

  it('completes an arrived visit without a second check-in', () => {
    expect(
      commandsForSessionEnd(ended('completed', '2026-03-09T13:01:00Z'), inStatus('arrived')).map(
        (c) => c.type,
      ),
    ).toEqual(['CompleteAppointment']);
  });

  it('records a patient no-show on a booked visit', () => {
    expect(commandsForSessionEnd(ended('patient-no-show'), inStatus('booked'))).toEqual([
      {
        type: 'RecordNoShow',
        sessionId: ids.session,
        absent: 'patient',
        at: '2026-03-09T13:25:00Z',
      },
    ]);
  });

  it.each([
    ['completed', 'fulfilled'],
    ['patient-no-show', 'noshow'],
    ['completed', 'cancelled'],
    ['ended-technical-failure', 'booked'],
    ['cancelled', 'booked'],
  ] as const)('decides nothing for %s on a %s appointment (redelivery, or no outcome)', (o, s) => {
    expect(commandsForSessionEnd(ended(o, '2026-03-09T13:01:00Z'), inStatus(s))).toEqual([]);
  });

  it('decides nothing for an appointment it does not know', () => {
    expect(commandsForSessionEnd(ended('completed'), { status: 'none' })).toEqual([]);
  });
});
