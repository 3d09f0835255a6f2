import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonEn, commonZh } from './resources/common';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** Names shown in language switches, always in their own language. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  'zh-CN': '中文',
  en: 'English',
};

const STORAGE_KEY = 'lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be blocked (private mode, strict cookie settings); fall back quietly.
    return DEFAULT_LANGUAGE;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // The choice then lasts only for this page view.
  }
  await i18next.changeLanguage(language);
}

export type Translations<T> = Record<Language, T>;

/**
 * Adds a namespace's strings at runtime. The answering page and the console
 * each register their own namespace, so their strings travel in their own
 * lazily loaded chunks instead of the entry bundle.
 */
export function registerTranslations<T extends object>(namespace: string, translations: Translations<T>): void {
  for (const language of LANGUAGES) {
    if (!i18next.hasResourceBundle(language, namespace)) {
      i18next.addResourceBundle(language, namespace, translations[language]);
    }
  }
}

function reflectLanguageInDocument(language: string): void {
  document.documentElement.lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

i18next.on('languageChanged', reflectLanguageInDocument);

void i18next.use(initReactI18next).init({
  lng: readStoredLanguage(),
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
