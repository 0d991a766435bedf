import type { PathParamDoc } from '@thc/service-runtime';

/**
 * The ids the API documentation uses in its examples: one patient booking one provider of one
 * clinic, so that the examples of every operation tell the same story. Any UUID is accepted.
 */
export const EXAMPLE_ID = {
  appointmentId: '7269a7f9-4a82-4289-99fe-700c725070ae',
  patientId: 'c8afb58d-5a4e-4721-82f2-2e81b81c4ea8',
  providerId: '0dc5ccc0-0dfe-4ac8-b891-9abfa6945463',
  clinicId: '89f2a75d-3c2f-490f-b51a-1cf07dcb59a5',
  sessionId: '7ec12fac-2b8b-4522-9053-c479e26a5aac',
  waitlistEntryId: '0ae9a774-f42d-4319-b1ca-c467d7c6826e',
  interpreterId: 'b324a786-418d-4f35-992d-ed1ecabf98b6',
  caregiverId: 'ff851716-5e7d-41e4-8bcd-6272e34b99b4',
  organizationId: '3f0c2b8e-5d41-4c7a-9a55-0b8e6f1d2c74',
} as const;

/** A UUID path parameter: what it names and an example. */
export function uuidParam(id: keyof typeof EXAMPLE_ID, names: string): PathParamDoc {
  return { example: EXAMPLE_ID[id], format: 'uuid', description: names };
}
