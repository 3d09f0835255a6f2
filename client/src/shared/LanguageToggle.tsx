import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n';

/** Dependency-free language switch for the public pages (the console uses an antd one). */
export function LanguageToggle() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-toggle" role="group" aria-label={t('language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-toggle__option"
          aria-pressed={language === active}
          onClick={() => void changeLanguage(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </div>
  );
}
