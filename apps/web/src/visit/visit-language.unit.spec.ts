import { languageFromBrowser } from './visit-language';

describe('the visit page language from the browser', () => {
  it.each([
    [['es-MX', 'en-US'], 'es'],
    [['es'], 'es'],
    [['en-GB', 'es'], 'en'],
    [['fr-FR', 'es-ES'], 'es'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ])('%j gives %s', (languages, expected) => {
    expect(languageFromBrowser(languages)).toBe(expected);
  });
});
