import type { CodeableConcept } from '@medplum/fhirtypes';
import { codeSystemUrl } from '../fhir/fhir-urls';
import type { StaffFunction } from './domain/directory-records';

export const FHIR_JSON = 'application/fhir+json';

export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
export const TIMEZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';
export const LANGUAGE_SYSTEM = 'urn:ietf:bcp:47';
/** ISO 3166-2 subdivisions: `US-NY` names the state that issued a licence. */
export const SUBDIVISION_SYSTEM = 'urn:iso:std:iso:3166:-2';
/** What a staff member does here; no standard code system lists telehealth interpreters and coordinators together. */
export const STAFF_FUNCTION_SYSTEM = codeSystemUrl('staff-function');
/** HL7 v3 participation type; `INTRP` (interpreter) is read on import, though R4's lacks it. */
export const PARTICIPATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
/** R4's participant type: `translator`, as the Appointment and Encounter name an interpreter. */
export const PARTICIPANT_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/participant-type';
/** A state licence to practise, as a qualification code (HL7 v2 table 0360 has none). */
export const QUALIFICATION_SYSTEM = codeSystemUrl('qualification');

const DISPLAY: Record<StaffFunction, string> = {
  provider: 'Provider',
  interpreter: 'Interpreter',
  coordinator: 'Telehealth coordinator',
  trainer: 'Trainer',
  auditor: 'Compliance auditor',
  analyst: 'Program analyst',
  admin: 'Administrator',
};

/** A staff function as a PractitionerRole code; an interpreter also as R4's `translator`. */
export function staffFunctionConcept(staffFunction: StaffFunction): CodeableConcept {
  const own = {
    system: STAFF_FUNCTION_SYSTEM,
    code: staffFunction,
    display: DISPLAY[staffFunction],
  };
  return staffFunction === 'interpreter'
    ? {
        coding: [
          own,
          { system: PARTICIPANT_TYPE_SYSTEM, code: 'translator', display: 'Translator' },
        ],
      }
    : { coding: [own] };
}

export const STAFF_FUNCTION_CODES = Object.keys(DISPLAY) as StaffFunction[];
