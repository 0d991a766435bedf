import { languageOf, refusalProblem } from './join-refusals';

describe('a refused join link, as the patient reads it', () => {
  test.each([
    [undefined, 'en'],
    ['es-MX,es;q=0.9,en;q=0.8', 'es'],
    ['fr-FR, es;q=0.5', 'es'],
    ['de-DE', 'en'],
  ])('Accept-Language %s reads %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });

  test.each([
    ['forged', 403],
    ['not-yet-open', 403],
    ['expired', 410],
    ['revoked', 410],
    ['visit-ended', 410],
    ['in-use', 409],
  ] as const)('%s is %i with a sentence naming what to do', (refusal, status) => {
    const problem = refusalProblem(refusal, 'en');
    expect(problem.getStatus()).toBe(status);
    expect(problem.message).toMatch(/Please/);
  });
});
