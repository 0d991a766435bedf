import type { CodeableConcept, Resource } from '@medplum/fhirtypes';
import { codeSystemUrl } from '../../fhir/fhir-urls';

export const FHIR_JSON = 'application/fhir+json';

/** A resource as these views serve it: Medplum's R4 type, always with its id. */
export type Served<R extends Resource> = R & { readonly id: string };

/** The platform's code system for telehealth visit types (no standard one says video vs audio). */
export const VISIT_TYPE_SYSTEM = codeSystemUrl('visit-type');

const DISPLAY = { video: 'Telehealth video visit', audio: 'Telehealth audio-only visit' } as const;

/** A visit type as every view codes it (Schedule, Slot, Appointment): one display per code. */
export function visitTypeConcept(visitType: keyof typeof DISPLAY): CodeableConcept {
  const display = DISPLAY[visitType];
  return { coding: [{ system: VISIT_TYPE_SYSTEM, code: visitType, display }], text: display };
}
