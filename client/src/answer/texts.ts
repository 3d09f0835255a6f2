import { createContext, useContext } from 'react';
import { answerEn, answerZh } from '../i18n/resources/answer';
import { commonEn, commonZh } from '../i18n/resources/common';
import type { Language } from '../shared/language';

const dictionaries = {
  'zh-CN': { ...commonZh, ...answerZh },
  en: { ...commonEn, ...answerEn },
};

export type Texts = (typeof dictionaries)['zh-CN'];

export const textsFor = (language: Language): Texts => dictionaries[language];

/** The answer page's language and its strings, given by AnswerPage to everything below it. */
export const LanguageContext = createContext<Language>('zh-CN');

export function useLanguage(): [Language, Texts] {
  const language = useContext(LanguageContext);
  return [language, textsFor(language)];
}

/** Fills `{name}` marks (and i18next's `{{name}}` in the shared strings): fill('Hello, {name}', { name: 'Acme' }). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{?(\w+)\}?\}/g, (mark, key: string) => values[key] ?? mark);
}
