import 'i18next';
import type { answerZh } from './resources/answer';
import type { commonZh } from './resources/common';
import type { consoleZh } from './resources/console';

// Typed translation keys: a key missing from the Chinese source strings fails
// type checking, and each English dictionary is typed after its Chinese one.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof commonZh;
      answer: typeof answerZh;
      console: typeof consoleZh;
    };
  }
}
