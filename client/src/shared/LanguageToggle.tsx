import { LANGUAGE_NAMES, LANGUAGES, type Language } from './language';

interface LanguageToggleProps {
  active: Language;
  onChange: (language: Language) => void;
  /** The group's accessible name ("语言" / "Language"). */
  label: string;
}

/** Dependency-free language switch for the public pages (the console uses an antd one). */
export function LanguageToggle({ active, onChange, label }: LanguageToggleProps) {
  return (
    <div className="language-toggle" role="group" aria-label={label}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-toggle__option"
          aria-pressed={language === active}
          onClick={() => onChange(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </div>
  );
}
