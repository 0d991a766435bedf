import type { Appointment, AppointmentParticipant } from '@medplum/fhirtypes';
import type { Participant } from '../domain/appointment.events';
import type { Scheduled } from '../domain/appointment.state';

/** The Appointment this view serves, always with its id. */
export type FhirAppointment = Appointment & { readonly id: string };

const PARTICIPATION = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
export const VISIT_TYPE_SYSTEM = 'https://telehealth-coordinator.org/fhir/CodeSystem/visit-type';

const ROLES: Record<Participant['role'], { resource: string; code: string; display: string }> = {
  patient: { resource: 'Patient', code: 'SBJ', display: 'subject' },
  provider: { resource: 'Practitioner', code: 'PPRF', display: 'primary performer' },
  interpreter: { resource: 'Practitioner', code: 'TRANS', display: 'Translator' },
  caregiver: { resource: 'RelatedPerson', code: 'ESC', display: 'escort' },
};

function participant(p: Participant, language: string | undefined): AppointmentParticipant {
  const role = ROLES[p.role];
  const text = p.role === 'interpreter' && language ? `interpreter (${language})` : p.role;
  return {
    type: [{ coding: [{ system: PARTICIPATION, code: role.code, display: role.display }], text }],
    actor: { reference: `${role.resource}/${p.participantId}` },
    required: p.role === 'patient' || p.role === 'provider' ? 'required' : 'optional',
    status: 'accepted',
  };
}

/**
 * FHIR R4 Appointment view. The status is already a FHIR code; video or audio-only is the
 * serviceType (R4 has no virtual-service element), the appointmentType is v2-0276 ROUTINE.
 */
export function toFhirAppointment(
  appointment: Scheduled,
  version: number,
  interpreterLanguage?: string,
): FhirAppointment {
  const video = appointment.visitType === 'video';
  return {
    resourceType: 'Appointment',
    id: appointment.appointmentId,
    meta: { versionId: String(version) },
    status: appointment.status,
    ...(appointment.cancellation
      ? {
          cancelationReason: {
            coding: [
              {
                system: 'https://telehealth-coordinator.org/fhir/CodeSystem/cancel-reason',
                code: appointment.cancellation.reasonCode,
              },
            ],
          },
        }
      : {}),
    serviceType: [
      {
        coding: [
          {
            system: VISIT_TYPE_SYSTEM,
            code: appointment.visitType,
            display: video ? 'Telehealth video visit' : 'Telehealth audio-only visit',
          },
        ],
        text: video ? 'Telehealth video visit' : 'Telehealth audio-only visit',
      },
    ],
    appointmentType: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v2-0276',
          code: 'ROUTINE',
          display: 'Routine appointment',
        },
      ],
    },
    start: new Date(appointment.start).toISOString(),
    end: new Date(appointment.end).toISOString(),
    minutesDuration: Math.round(
      (Date.parse(appointment.end) - Date.parse(appointment.start)) / 60_000,
    ),
    created: new Date(appointment.bookedAt).toISOString(),
    participant: appointment.participants.map((p) => participant(p, interpreterLanguage)),
  };
}
