import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, reflectLanguageInDocument, storedLanguage, storeLanguage, type Language } from '../shared/language';
import { commonEn, commonZh } from './resources/common';

export { DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, type Language } from '../shared/language';

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18next.changeLanguage(language);
}

export type Translations<T> = Record<Language, T>;

/**
 * Adds a namespace's strings at runtime, so the console's strings travel in its
 * own lazily loaded chunks. (The public answer page does not use i18next at all.)
 */
export function registerTranslations<T extends object>(namespace: string, translations: Translations<T>): void {
  for (const language of LANGUAGES) {
    if (!i18next.hasResourceBundle(language, namespace)) {
      i18next.addResourceBundle(language, namespace, translations[language]);
    }
  }
}

i18next.on('languageChanged', reflectLanguageInDocument);

void i18next.use(initReactI18next).init({
  lng: storedLanguage() ?? DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  defaultNS: 'common',
  ns: ['common'],
  resources: {
    'zh-CN': { common: commonZh },
    en: { common: commonEn },
  },
  interpolation: { escapeValue: false },
  initAsync: false,
});

reflectLanguageInDocument(i18next.language);

export { i18next };
