/** The few FHIR R4 shapes these views return; fields as R4 names them. */
export interface FhirReference {
  readonly reference: string;
}

export interface FhirCodeableConcept {
  readonly coding: readonly {
    readonly system: string;
    readonly code: string;
    readonly display: string;
  }[];
  readonly text?: string;
}

export const SLOT_STATUSES = [
  'busy',
  'free',
  'busy-unavailable',
  'busy-tentative',
  'entered-in-error',
] as const;

export interface FhirSlot {
  readonly resourceType: 'Slot';
  readonly id: string;
  readonly schedule: FhirReference;
  readonly status: (typeof SLOT_STATUSES)[number];
  readonly start: string;
  readonly end: string;
  readonly serviceType?: readonly FhirCodeableConcept[];
}

export interface FhirSchedule {
  readonly resourceType: 'Schedule';
  readonly id: string;
  readonly active: boolean;
  readonly actor: readonly FhirReference[];
  readonly serviceType: readonly FhirCodeableConcept[];
  readonly planningHorizon: { readonly start: string; readonly end: string };
  readonly comment?: string;
}

export interface FhirBundle<R> {
  readonly resourceType: 'Bundle';
  readonly type: 'searchset';
  readonly total: number;
  readonly link: readonly { readonly relation: string; readonly url: string }[];
  readonly entry: readonly {
    readonly fullUrl: string;
    readonly resource: R;
    readonly search: { readonly mode: 'match' };
  }[];
}

export const FHIR_JSON = 'application/fhir+json';

/** The platform's code system for telehealth visit types (no standard one says video vs audio). */
export const VISIT_TYPE_SYSTEM = 'https://telehealth-coordinator.org/fhir/CodeSystem/visit-type';

const DISPLAY = { video: 'Video visit', audio: 'Audio-only visit' } as const;

export function visitTypeConcept(visitType: keyof typeof DISPLAY): FhirCodeableConcept {
  return { coding: [{ system: VISIT_TYPE_SYSTEM, code: visitType, display: DISPLAY[visitType] }] };
}
