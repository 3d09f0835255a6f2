import 'i18next';
import type { commonZh } from './resources/common';
import type { consoleZh } from './resources/console';

// Typed translation keys: a key missing from the Chinese source strings fails
// type checking, and each English dictionary is typed after its Chinese one.
// The answer page keeps its strings out of i18next (client/src/answer/texts.ts) to stay small.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof commonZh;
      console: typeof consoleZh;
    };
  }
}
