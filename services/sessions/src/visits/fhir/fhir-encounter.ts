import type { Encounter } from '@medplum/fhirtypes';
import type { Session } from '../domain/session.state';

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const PARTICIPATION = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';

/** FHIR R4 Encounter.status of a session. R4 has no no-show status: a visit not held is cancelled. */
export function encounterStatus(session: Session): Encounter['status'] {
  if (session.status === 'in-progress') return 'in-progress';
  if (session.status === 'scheduled') return session.arrivedAt ? 'arrived' : 'planned';
  return session.startedAt ? 'finished' : 'cancelled';
}

/*
 * R4's participant-type code system, in the value set Encounter.participant.type is bound to
 * (encounter-participant-type): its `translator` is the person "facilitating communication with
 * the patient", the interpreter. v3-ParticipationType as R4 ships it has no interpreter code
 * (INTERP is not in it; its TRANS is a transcriber). Scheduling's Appointment codes it the same.
 */
const ENCOUNTER_PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/participant-type';

/** Interpreters are directory staff, so a Practitioner like the provider (as in Appointment). */
const PARTICIPANT: Record<
  string,
  { resource: string; system: string; code: string; display: string }
> = {
  provider: {
    resource: 'Practitioner',
    system: PARTICIPATION,
    code: 'PPRF',
    display: 'primary performer',
  },
  interpreter: {
    resource: 'Practitioner',
    system: ENCOUNTER_PARTICIPANT_TYPE,
    code: 'translator',
    display: 'Translator',
  },
  caregiver: { resource: 'RelatedPerson', system: PARTICIPATION, code: 'ESC', display: 'escort' },
};
const OTHER = {
  resource: 'RelatedPerson',
  system: PARTICIPATION,
  code: 'PART',
  display: 'Participation',
};

/** Names the directory gives the people and the clinic of a visit, as people read them. */
export interface EncounterNames {
  /** Staff id → display name ("Dr. Adaeze Okafor"); staff it does not list are left out. */
  readonly staff?: ReadonlyMap<string, string>;
  readonly clinic?: string;
}

/** A reference, with the name people read when there is one (never a made-up one). */
const named = (reference: string, display: string | undefined) =>
  display ? { reference, display } : { reference };

/**
 * The session as a FHIR R4 Encounter: class VR (virtual), the patient as subject, the other
 * participants by role, the appointment it fulfils, its period and length in minutes, and the
 * clinic it is held from. Staff and the clinic carry the directory's names as `display`; the
 * patient and caregivers carry none (the platform keeps no patient name).
 */
export function toFhirEncounter(
  session: Session,
  names: EncounterNames = {},
): Encounter & { readonly id: string } {
  const minutes =
    session.startedAt && session.endedAt
      ? Math.round((Date.parse(session.endedAt) - Date.parse(session.startedAt)) / 60_000)
      : undefined;
  return {
    resourceType: 'Encounter',
    id: session.sessionId,
    status: encounterStatus(session),
    class: { system: ACT_CODE, code: 'VR', display: 'virtual' },
    subject: { reference: `Patient/${session.patientId}` },
    participant: session.participants
      .filter((p) => p.role !== 'patient')
      .map((p) => {
        const { resource, system, code, display } = PARTICIPANT[p.role] ?? OTHER;
        const name = resource === 'Practitioner' ? names.staff?.get(p.participantId) : undefined;
        return {
          type: [{ coding: [{ system, code, display }] }],
          individual: named(`${resource}/${p.participantId}`, name),
        };
      }),
    appointment: [{ reference: `Appointment/${session.appointmentId}` }],
    // A visit that never started keeps its planned start and no end: its cancellation time is
    // no end of the encounter, and often comes before the planned start (R4 per-1).
    period: {
      start: session.startedAt ?? session.scheduledStart,
      ...(session.startedAt && session.endedAt ? { end: session.endedAt } : {}),
    },
    ...(minutes !== undefined
      ? {
          length: { value: minutes, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' },
        }
      : {}),
    // The clinic is the directory's Location (FHIR Location/<clinicId>), not an Organization.
    location: [{ location: named(`Location/${session.clinicId}`, names.clinic) }],
  };
}
