import { templateLanguage } from './template-language';

describe('the language a message is written in', () => {
  test.each([
    ['es', 'es'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['ES-us', 'es'],
    ['es_US', 'es'],
    [' es-PR ', 'es'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['pt-BR', 'en'],
    ['est', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%p is written in %p', (tag, language) => {
    expect(templateLanguage(tag)).toBe(language);
  });
});
