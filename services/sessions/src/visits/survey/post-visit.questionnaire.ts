import type { Element, Extension, Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';

/** Canonical URL of the post-visit survey; responses name it in `questionnaire`. */
export const SURVEY_URL = 'https://telehealth-coordinator.org/fhir/Questionnaire/post-visit-survey';

/**
 * An item whose text is given in Spanish too. R4 puts a translation on the primitive itself, in
 * `_text`, which Medplum's types do not model.
 */
type TranslatedItem = QuestionnaireItem & { readonly _text: Element };

function spanish(text: string): Element {
  return {
    extension: [
      {
        url: 'http://hl7.org/fhir/StructureDefinition/translation',
        extension: [
          { url: 'lang', valueCode: 'es' },
          { url: 'content', valueString: text },
        ],
      },
    ],
  };
}

const between = (min: number, max: number): Extension[] => [
  { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: min },
  { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: max },
];

const items: TranslatedItem[] = [
  {
    linkId: 'overall',
    text: 'Overall, how satisfied are you with this visit? (1-5)',
    _text: spanish('En general, ¿qué tan satisfecho está con esta visita? (1-5)'),
    type: 'integer',
    required: true,
    extension: between(1, 5),
  },
  {
    linkId: 'would-recommend',
    text: 'How likely are you to recommend virtual visits to a friend? (0-10)',
    _text: spanish('¿Qué tan probable es que recomiende las visitas virtuales a un amigo? (0-10)'),
    type: 'integer',
    required: true,
    extension: between(0, 10),
  },
  {
    linkId: 'technical-quality',
    text: 'How was the sound and picture? (1-5)',
    _text: spanish('¿Cómo estuvieron el sonido y la imagen? (1-5)'),
    type: 'integer',
    required: false,
    extension: between(1, 5),
  },
  {
    linkId: 'comment',
    text: 'Anything else you want to tell us?',
    _text: spanish('¿Hay algo más que quiera decirnos?'),
    type: 'text',
    required: false,
  },
];

/** The post-visit satisfaction survey as a FHIR R4 Questionnaire (English and Spanish text). */
export const POST_VISIT_QUESTIONNAIRE: Readonly<Questionnaire> = {
  resourceType: 'Questionnaire',
  id: 'post-visit-survey',
  url: SURVEY_URL,
  version: '1',
  status: 'active',
  title: 'Virtual visit satisfaction',
  subjectType: ['Patient'],
  item: items,
};
