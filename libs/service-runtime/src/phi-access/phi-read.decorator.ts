import { SetMetadata } from '@nestjs/common';

export const PHI_READ = 'thc:phi-read';

/** How a route that returns patient data names what it disclosed. */
export interface PhiReadDeclaration {
  /** FHIR resource type returned, e.g. `Appointment`. */
  readonly resource: string;
  /** The patients whose data the response holds, read from the response body. */
  readonly patients: (response: unknown) => readonly string[];
  /** The record read, when the route returns one. */
  readonly resourceId?: (response: unknown) => string | undefined;
  readonly action?: 'read' | 'search' | 'export' | 'decrypt';
}

/**
 * Marks a route that returns PHI: each successful response is recorded as a PhiAccessed event
 * per patient before it is sent; if the record cannot be stored, the data is not sent.
 */
export const PhiRead = (declaration: PhiReadDeclaration) => SetMetadata(PHI_READ, declaration);
