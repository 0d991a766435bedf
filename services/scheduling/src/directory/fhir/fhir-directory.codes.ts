import type { CodeableConcept } from '@medplum/fhirtypes';
import type { StaffFunction } from '../domain/directory-records';

export const FHIR_JSON = 'application/fhir+json';

export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
export const TIMEZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';
export const LANGUAGE_SYSTEM = 'urn:ietf:bcp:47';
/** ISO 3166-2 subdivisions: `US-NY` names the state that issued a licence. */
export const SUBDIVISION_SYSTEM = 'urn:iso:std:iso:3166:-2';
/** What a staff member does here; no standard code system lists telehealth interpreters and coordinators together. */
export const STAFF_FUNCTION_SYSTEM =
  'https://telehealth-coordinator.org/fhir/CodeSystem/staff-function';
/** HL7's participation type: `INTRP`, the interpreter of an encounter. */
export const PARTICIPATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
/** A state licence to practise, as a qualification code (HL7 v2 table 0360 has none). */
export const QUALIFICATION_SYSTEM =
  'https://telehealth-coordinator.org/fhir/CodeSystem/qualification';

const DISPLAY: Record<StaffFunction, string> = {
  provider: 'Provider',
  interpreter: 'Interpreter',
  coordinator: 'Telehealth coordinator',
  trainer: 'Trainer',
  auditor: 'Compliance auditor',
  analyst: 'Program analyst',
  admin: 'Administrator',
};

/** A staff function as a PractitionerRole code; an interpreter also as HL7's `INTRP`. */
export function staffFunctionConcept(staffFunction: StaffFunction): CodeableConcept {
  const own = {
    system: STAFF_FUNCTION_SYSTEM,
    code: staffFunction,
    display: DISPLAY[staffFunction],
  };
  return staffFunction === 'interpreter'
    ? { coding: [own, { system: PARTICIPATION_SYSTEM, code: 'INTRP', display: 'interpreter' }] }
    : { coding: [own] };
}

export const STAFF_FUNCTION_CODES = Object.keys(DISPLAY) as StaffFunction[];
