import { expectValidFhir } from '@thc/testing';
import { POST_VISIT_QUESTIONNAIRE } from './post-visit.questionnaire';

describe('the post-visit survey as a FHIR R4 Questionnaire', () => {
  it('passes the R4 validator', () => {
    expectValidFhir(POST_VISIT_QUESTIONNAIRE);
  });

  it('gives every question in English and in Spanish', () => {
    const translations = (POST_VISIT_QUESTIONNAIRE.item ?? []).map(
      (item) =>
        (item as { _text?: { extension?: { extension?: { valueCode?: string }[] }[] } })._text
          ?.extension?.[0]?.extension?.[0]?.valueCode,
    );
    expect(translations).toEqual(['es', 'es', 'es', 'es']);
  });
});
