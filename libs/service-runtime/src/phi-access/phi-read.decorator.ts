import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiPurposeOfUse } from './api-purpose-of-use.decorator';

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
 * per patient before it is sent; if the record cannot be stored, the data is not sent. The
 * OpenAPI document shows the `X-Purpose-Of-Use` header the record takes its purpose from.
 */
export const PhiRead = (declaration: PhiReadDeclaration) =>
  applyDecorators(SetMetadata(PHI_READ, declaration), ApiPurposeOfUse());
