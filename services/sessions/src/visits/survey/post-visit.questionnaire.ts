/** Canonical URL of the post-visit survey; responses name it in `questionnaire`. */
export const SURVEY_URL = 'https://telehealth-coordinator.org/fhir/Questionnaire/post-visit-survey';

/** The post-visit satisfaction survey as a FHIR R4 Questionnaire (English and Spanish text). */
export const POST_VISIT_QUESTIONNAIRE = {
  resourceType: 'Questionnaire',
  id: 'post-visit-survey',
  url: SURVEY_URL,
  version: '1',
  status: 'active',
  title: 'Virtual visit satisfaction',
  subjectType: ['Patient'],
  item: [
    {
      linkId: 'overall',
      text: 'Overall, how satisfied are you with this visit? (1-5)',
      _text: {
        extension: [
          {
            url: 'http://hl7.org/fhir/StructureDefinition/translation',
            extension: [
              { url: 'lang', valueCode: 'es' },
              {
                url: 'content',
                valueString: 'En general, ¿qué tan satisfecho está con esta visita? (1-5)',
              },
            ],
          },
        ],
      },
      type: 'integer',
      required: true,
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 1 },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 5 },
      ],
    },
    {
      linkId: 'would-recommend',
      text: 'How likely are you to recommend virtual visits to a friend? (0-10)',
      type: 'integer',
      required: true,
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 },
      ],
    },
    {
      linkId: 'technical-quality',
      text: 'How was the sound and picture? (1-5)',
      type: 'integer',
      required: false,
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 1 },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 5 },
      ],
    },
    {
      linkId: 'comment',
      text: 'Anything else you want to tell us?',
      type: 'text',
      required: false,
    },
  ],
} as const;
