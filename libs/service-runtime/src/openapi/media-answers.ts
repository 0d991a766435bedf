import type { AnswerDoc } from './use-case-route.decorator';

/** The R4 definition of a resource type: `Bundle`, `Appointment`, `PractitionerRole`. */
const r4Definition = (resourceType: string) =>
  `https://hl7.org/fhir/R4/${resourceType.toLowerCase()}.html`;

/**
 * A FHIR R4 answer (`application/fhir+json`): the document points to the resource's R4
 * definition instead of restating it, so EHR integrators validate against HL7's own. The
 * description says more than the resource type where there is more to say (a searchset).
 */
export function fhirAnswer(
  resourceType: string,
  description = `FHIR R4 ${resourceType}`,
): AnswerDoc {
  return {
    description,
    content: {
      'application/fhir+json': {
        schema: {
          type: 'object',
          description,
          externalDocs: { description: `FHIR R4 ${resourceType}`, url: r4Definition(resourceType) },
        },
      },
    },
  };
}

/** An answer that is text of one media type (an iCalendar event, TwiML, CSV). */
export function textAnswer(mediaType: string, description: string): AnswerDoc {
  return { description, content: { [mediaType]: { schema: { type: 'string' } } } };
}
