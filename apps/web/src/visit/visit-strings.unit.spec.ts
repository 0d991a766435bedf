import { VISIT_STRINGS } from './visit-strings';

describe('the visit page texts', () => {
  it('has every text in English and Spanish, and they differ', () => {
    const { en, es } = VISIT_STRINGS;
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    expect(es.enter(true)).not.toBe(en.enter(true));
  });

  it('speaks of "your visit" to the patient and "the visit" to the others', () => {
    expect(VISIT_STRINGS.en.admitted(true)).toBe('You are in your visit');
    expect(VISIT_STRINGS.en.admitted(false)).toBe('You are in the visit');
    expect(VISIT_STRINGS.es.ended(false)).toBe('La visita terminó.');
  });
});
