/** The languages messages are written in. */
export type TemplateLanguage = 'en' | 'es';

/**
 * The template language for a BCP 47 tag: Spanish for any Spanish tag (es, es-MX, es-419,
 * es_US as some systems write it), English for everything else, including no tag at all,
 * because English is the language every clinic can read back to a patient.
 */
export function templateLanguage(tag: string | undefined): TemplateLanguage {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary === 'es' ? 'es' : 'en';
}
