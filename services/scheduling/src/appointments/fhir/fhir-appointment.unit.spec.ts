import { expectValidFhir } from '@thc/testing';
import type { Scheduled } from '../domain/appointment.state';
import { VISIT_TYPE_SYSTEM } from '../../availability/fhir/fhir-resources';
import { toFhirAppointment } from './fhir-appointment';

const appointment: Scheduled = {
  status: 'booked',
  appointmentId: '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01',
  patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  providerId: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  clinicId: '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06',
  visitType: 'video',
  start: '2026-03-09T09:00:00-04:00',
  end: '2026-03-09T09:30:00-04:00',
  timeZone: 'America/New_York',
  participants: [
    { participantId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02', role: 'patient' },
    { participantId: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03', role: 'provider' },
    { participantId: 'd4f6a8c2-1e3b-4d5f-9a7c-2b4d6f8a1e05', role: 'interpreter' },
    { participantId: '1a3c5e7b-9d2f-4b4d-9f6a-8c1e3a5c7e10', role: 'caregiver' },
  ],
  bookedAt: '2026-03-02T14:12:05Z',
  previousSlots: [],
};

describe('FHIR R4 Appointment view', () => {
  it.each(['booked', 'arrived', 'fulfilled', 'cancelled', 'noshow'] as const)(
    'passes the R4 validator when %s',
    (status) => {
      const cancellation =
        status === 'cancelled'
          ? { reasonCode: 'technical', late: false, at: '2026-03-05T00:00:00Z' }
          : undefined;
      const resource = toFhirAppointment(
        { ...appointment, status, ...(cancellation ? { cancellation } : {}) },
        2,
        'es',
      );
      expectValidFhir(resource);
      expect(resource.status).toBe(status);
    },
  );

  it('states the instants in UTC, the visit type, and each participant with a reference', () => {
    const resource = toFhirAppointment(appointment, 1, 'es');
    expect(resource).toMatchObject({
      start: '2026-03-09T13:00:00.000Z',
      end: '2026-03-09T13:30:00.000Z',
      minutesDuration: 30,
      serviceType: [{ coding: [{ system: VISIT_TYPE_SYSTEM, code: 'video' }] }],
    });
    expect(resource.participant.map((p) => p.actor?.reference)).toEqual([
      `Patient/${appointment.patientId}`,
      `Practitioner/${appointment.providerId}`,
      'Practitioner/d4f6a8c2-1e3b-4d5f-9a7c-2b4d6f8a1e05',
      'RelatedPerson/1a3c5e7b-9d2f-4b4d-9f6a-8c1e3a5c7e10',
      `Location/${appointment.clinicId}`,
    ]);
    expect(resource.participant[2]!.type![0]!.text).toBe('interpreter (es)');
  });

  it('names the interpreter a Practitioner of participant type translator, as the Encounter does', () => {
    const interpreter = toFhirAppointment(appointment, 1, 'es').participant[2]!;
    expect(interpreter).toMatchObject({
      actor: { reference: 'Practitioner/d4f6a8c2-1e3b-4d5f-9a7c-2b4d6f8a1e05' },
      type: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/participant-type',
              code: 'translator',
            },
          ],
        },
      ],
    });
  });

  it('shows an interpreter on demand as a role still to be filled, with no person', () => {
    const resource = toFhirAppointment(
      {
        ...appointment,
        participants: appointment.participants.filter((p) => p.role !== 'interpreter'),
        interpreterRequest: { onDemand: true },
      },
      1,
      'es',
    );
    expectValidFhir(resource);
    expect(resource.participant.find((p) => p.status === 'needs-action')).toEqual({
      type: [
        expect.objectContaining({
          text: 'interpreter (es), drawn from the pool at visit time',
        }),
      ],
      required: 'required',
      status: 'needs-action',
    });
  });

  it('names the staff and the clinic the directory lists, and no one else', () => {
    const resource = toFhirAppointment(appointment, 1, 'es', {
      // The interpreter is not listed: no name rather than a made-up one.
      staff: new Map([
        [appointment.providerId, 'Dr. Adaeze Okafor'],
        [appointment.patientId, 'a patient name that must never show'],
      ]),
      clinic: 'Riverside Telehealth Clinic',
    });
    expectValidFhir(resource);
    expect(resource.participant.map((p) => p.actor)).toEqual([
      { reference: `Patient/${appointment.patientId}` },
      { reference: `Practitioner/${appointment.providerId}`, display: 'Dr. Adaeze Okafor' },
      { reference: 'Practitioner/d4f6a8c2-1e3b-4d5f-9a7c-2b4d6f8a1e05' },
      { reference: 'RelatedPerson/1a3c5e7b-9d2f-4b4d-9f6a-8c1e3a5c7e10' },
      { reference: `Location/${appointment.clinicId}`, display: 'Riverside Telehealth Clinic' },
    ]);
  });
});
