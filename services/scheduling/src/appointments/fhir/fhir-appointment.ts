import type { Appointment, AppointmentParticipant } from '@medplum/fhirtypes';
import { visitTypeConcept } from '../../availability/fhir/fhir-resources';
import { codeSystemUrl } from '../../fhir/fhir-urls';
import type { Participant } from '../domain/appointment.events';
import type { Scheduled } from '../domain/appointment.state';

/** The Appointment this view serves, always with its id. */
export type FhirAppointment = Appointment & { readonly id: string };

const PARTICIPATION = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
/*
 * R4's participant-type code system, in the value set Appointment.participant.type is bound to
 * (encounter-participant-type). Its `translator` is the person "facilitating communication
 * with the patient": the interpreter. v3-ParticipationType as R4 ships it has no interpreter
 * code (INTERP is not in it; its TRANS is a transcriber).
 */
const PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/participant-type';

/** The interpreter is a Practitioner, as in sessions' Encounter: a directory staff member. */
const ROLES: Record<
  Participant['role'],
  { resource: string; system: string; code: string; display: string }
> = {
  patient: { resource: 'Patient', system: PARTICIPATION, code: 'SBJ', display: 'subject' },
  provider: {
    resource: 'Practitioner',
    system: PARTICIPATION,
    code: 'PPRF',
    display: 'primary performer',
  },
  interpreter: {
    resource: 'Practitioner',
    system: PARTICIPANT_TYPE,
    code: 'translator',
    display: 'Translator',
  },
  caregiver: { resource: 'RelatedPerson', system: PARTICIPATION, code: 'ESC', display: 'escort' },
};

function typeOf(role: Participant['role'], text: string): AppointmentParticipant['type'] {
  const { system, code, display } = ROLES[role];
  return [{ coding: [{ system, code, display }], text }];
}

/** Names the directory gives the people and the clinic of a visit, as people read them. */
export interface AppointmentNames {
  /** Staff id → display name ("Dr. Adaeze Okafor"); staff it does not list are left out. */
  readonly staff?: ReadonlyMap<string, string>;
  readonly clinic?: string;
}

/** A reference, with the name people read when there is one (never a made-up one). */
const named = (reference: string, display: string | undefined) =>
  display ? { reference, display } : { reference };

function participant(
  p: Participant,
  language: string | undefined,
  names: AppointmentNames,
): AppointmentParticipant {
  const text = p.role === 'interpreter' && language ? `interpreter (${language})` : p.role;
  const resource = ROLES[p.role].resource;
  // Only staff are named: the platform keeps no patient or caregiver name.
  const name = resource === 'Practitioner' ? names.staff?.get(p.participantId) : undefined;
  return {
    type: typeOf(p.role, text),
    actor: named(`${resource}/${p.participantId}`, name),
    required: p.role === 'patient' || p.role === 'provider' ? 'required' : 'optional',
    status: 'accepted',
  };
}

/** An interpreter asked for on demand: a role without a person yet (app-1 allows type alone). */
function interpreterToDraw(language: string | undefined): AppointmentParticipant {
  const text = `interpreter${language ? ` (${language})` : ''}, drawn from the pool at visit time`;
  return { type: typeOf('interpreter', text), required: 'required', status: 'needs-action' };
}

/**
 * The clinic the visit is held from: R4 lets a Location take part in an Appointment, as the
 * directory serves the clinic (Location/<clinicId>), and as sessions' Encounter names it.
 */
function clinicParticipant(clinicId: string, name: string | undefined): AppointmentParticipant {
  return {
    actor: named(`Location/${clinicId}`, name),
    required: 'information-only',
    status: 'accepted',
  };
}

/**
 * FHIR R4 Appointment view. The status is already a FHIR code; video or audio-only is the
 * serviceType (R4 has no virtual-service element), the appointmentType is v2-0276 ROUTINE.
 * Staff and the clinic carry the directory's names as `display`.
 */
export function toFhirAppointment(
  appointment: Scheduled,
  version: number,
  interpreterLanguage?: string,
  names: AppointmentNames = {},
): FhirAppointment {
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
                system: codeSystemUrl('cancel-reason'),
                code: appointment.cancellation.reasonCode,
              },
            ],
          },
        }
      : {}),
    serviceType: [visitTypeConcept(appointment.visitType)],
    appointmentType: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v2-0276',
          code: 'ROUTINE',
          display: 'Routine appointment - default if not valued',
        },
      ],
    },
    start: new Date(appointment.start).toISOString(),
    end: new Date(appointment.end).toISOString(),
    minutesDuration: Math.round(
      (Date.parse(appointment.end) - Date.parse(appointment.start)) / 60_000,
    ),
    created: new Date(appointment.bookedAt).toISOString(),
    participant: [
      ...appointment.participants.map((p) => participant(p, interpreterLanguage, names)),
      ...(appointment.interpreterRequest ? [interpreterToDraw(interpreterLanguage)] : []),
      clinicParticipant(appointment.clinicId, names.clinic),
    ],
  };
}
