/** The languages of the visit page; the services answer refusals and playbooks in the same. */
export type VisitLanguage = 'en' | 'es';

export const VISIT_LANGUAGES: readonly VisitLanguage[] = ['en', 'es'];

/** Spanish for a browser set to any Spanish, English otherwise. */
export function languageFromBrowser(browserLanguages: readonly string[]): VisitLanguage {
  const first = browserLanguages.find((l) => /^(en|es)\b/i.test(l));
  return first?.toLowerCase().startsWith('es') ? 'es' : 'en';
}
