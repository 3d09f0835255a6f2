/**
 * The two languages of the app and the remembered choice, without i18next:
 * the public answer page uses this alone to stay small, the console through i18n/.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** Names shown in language switches, always in their own language. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  'zh-CN': '中文',
  en: 'English',
};

const STORAGE_KEY = 'lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen earlier in this browser, if any. */
export function storedLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    // Storage can be blocked (private mode, strict cookie settings).
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // The choice then lasts only for this page view.
  }
  reflectLanguageInDocument(language);
}

/** Chinese for a browser set to any Chinese, English for everything else. */
export function browserLanguage(): Language {
  return /^zh\b/i.test(navigator.language) ? 'zh-CN' : 'en';
}

export function reflectLanguageInDocument(language: string): void {
  document.documentElement.lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
}
