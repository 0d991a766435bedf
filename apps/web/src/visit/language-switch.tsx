import type { VisitLanguage } from './visit-language';

const NAMES: Record<VisitLanguage, string> = { en: 'English', es: 'Español' };

/** English / Español: each named in its own language, the chosen one pressed. */
export function LanguageSwitch(props: {
  language: VisitLanguage;
  label: string;
  onChange: (language: VisitLanguage) => void;
}) {
  return (
    <div className="language-switch" role="group" aria-label={props.label}>
      {(Object.keys(NAMES) as VisitLanguage[]).map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={props.language === language}
          className={props.language === language ? 'primary' : undefined}
          onClick={() => props.onChange(language)}
        >
          {NAMES[language]}
        </button>
      ))}
    </div>
  );
}
