/**
 * The one base of the URLs this service mints for what FHIR has no standard code for (its
 * extensions would go under `<base>/StructureDefinition/`); every service of the platform uses the same base (docs/fhir.md lists them all).
 */
export const FHIR_URL_BASE = 'https://telehealth-coordinator.org/fhir';

/** The URL of one of the platform's code systems: `<base>/CodeSystem/<name>`. */
export const codeSystemUrl = (name: string): string => `${FHIR_URL_BASE}/CodeSystem/${name}`;
