/**
 * The one base of the URLs this service mints for what FHIR has no standard code or element
 * for; every service of the platform uses the same base (docs/fhir.md lists them all).
 */
export const FHIR_URL_BASE = 'https://telehealth-coordinator.org/fhir';

/** The URL of one of the platform's extensions: `<base>/StructureDefinition/<name>`. */
export const extensionUrl = (name: string): string =>
  `${FHIR_URL_BASE}/StructureDefinition/${name}`;

/** The URL of one of the platform's code systems: `<base>/CodeSystem/<name>`. */
export const codeSystemUrl = (name: string): string => `${FHIR_URL_BASE}/CodeSystem/${name}`;
