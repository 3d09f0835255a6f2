import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = `http://localhost:${process.env.API_PORT ?? '3000'}`;

const apiProxy: Record<string, ProxyOptions> = {
  '/api': { target: apiTarget },
};

/**
 * Vendor chunk groups. The public answering route (/s/:token) must never pull
 * in antd, the router or i18n, so antd and everything only antd needs get their
 * own group, while React (shared by both halves), the router and i18n (console
 * only) get separate groups that antd's group cannot absorb (higher priority
 * wins the module).
 */
const vendorGroups = [
  {
    name: 'react',
    test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
    priority: 30,
  },
  {
    name: 'router',
    test: /[\\/]node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/,
    priority: 30,
  },
  {
    name: 'i18n',
    test: /[\\/]node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store)[\\/]/,
    priority: 20,
  },
  {
    name: 'antd',
    test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|@babel[\\/]runtime|@emotion|dayjs|clsx|classnames|scroll-into-view-if-needed|compute-scroll-into-view|throttle-debounce|json2mq|string-convert|stylis)[\\/]/,
    priority: 10,
  },
  {
    // Only the campaign progress chart draws with chart.js; its own group keeps it cached across app releases.
    name: 'chart',
    test: /[\\/]node_modules[\\/](chart\.js|@kurkle[\\/]color)[\\/]/,
    priority: 10,
  },
];

/**
 * survey-react-ui registers 64 SVG icons with survey-core on import, for every
 * question type and window it can draw; they weigh ~16 KB gzipped on the
 * rater's phone. The server refuses at save time any questionnaire that its
 * compiled validator cannot check (server/src/questionnaires/compiled-validator.ts:
 * its question types, and the survey properties it accepts), so the icons below
 * can never be shown by a questionnaire this platform serves, in the answer page
 * or in the console's preview of a questionnaire that can be saved. Their SVG
 * text is left out of the build: survey-core skips an empty icon, and nothing
 * else changes.
 *
 * Each name is looked up in the module's `icons` table and on its
 * `var <name> = "<svg…>";` line; the build fails if either is not found exactly
 * once, so that an upgrade of survey-react-ui cannot silently change what is
 * left out. Where each icon is used was checked in survey-core and
 * survey-react-ui 3.0.0 (fesm/*.mjs); check again before adding to the list.
 */
const UNSERVED_ICONS: Record<string, readonly string[]> = {
  // File upload and its camera, and the signature pad (both question types are refused): the
  // take-picture, switch-camera, default-file and choose-file icons, the clear button of both
  // ("icon-clear" → clear-24x24), and `removefile`, which survey-core registers as error-24x24,
  // an icon nothing asks for.
  'file upload and signature pad': ['camera-32x32', 'camera-24x24', 'flip-24x24', 'file-72x72', 'folder-24x24', 'removefile', 'clear-24x24'],
  // Ranking (refused): its drag arrows and the dash of an unranked item.
  ranking: ['ranking-arrows', 'rankingundefined-16x16'],
  // Popup survey windows (PopupSurveyModel; surveys are only shown in the page):
  // the full-screen, back-to-panel, collapse and expand buttons of the window's header.
  'popup survey window': ['maximize-16x16', 'restoredown-16x16', 'minimize-16x16', 'fullsize-16x16'],
  // The survey creator's placeholder for a logo ("logo" → image-48x48); the form library never
  // asks for it, a questionnaire's logo is an image. The image question's broken-image icon
  // (noimage-48x48) stays.
  'creator logo placeholder': ['image-48x48'],
  // Drag-and-drop reordering: drag-24x24 is the row handle of matrixdynamic (refused) and the item
  // handle of ranking (refused); reorder-24x24 is ranking's arrows; draghorizontal-24x16 is asked
  // for only by the creator. matrix, matrixdropdown, paneldynamic, checkbox, dropdown, tagbox and
  // rating ask for none of them.
  'drag-and-drop reordering': ['drag-24x24', 'draghorizontal-24x16', 'reorder-24x24'],
  // The remove-row button of matrixdynamic (refused); matrixdropdown cannot remove rows, and a
  // dynamic panel's remove button is text.
  'matrixdynamic rows': ['delete-24x24'],
  // The edit and remove buttons of the summary shown in one-input-per-page mode
  // (questionsOnPageMode "inputPerPage", a survey property the server refuses).
  'input-per-page summary': ['delete-16x16', 'editsmall-16x16'],
  // The survey timer's clock (timeLimit, showTimer: survey properties the server refuses).
  'survey timer': ['timercircle'],
  // Icons of the former "modern" theme: nothing in survey-core or survey-react-ui asks for them
  // (the two boolean ones are registered as plus-32x32 and minus-32x32, which nothing asks for either).
  'former modern theme': ['modernbooleancheckchecked', 'modernbooleancheckind', 'modernbooleancheckunchecked', 'moderncheck', 'modernradio', 'progressbutton'],
};

const MODULE = /[\\/]node_modules[\\/]survey-react-ui[\\/]fesm[\\/]survey-react-ui\.mjs$/;

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Empties the listed icons' SVG strings in survey-react-ui's module text; throws if any is not found exactly once. */
function dropIcons(code: string, names: readonly string[]): string {
  let result = code;
  const problems: string[] = [];
  for (const name of names) {
    // `  "camera-32x32": camera_32x32,` in the `const icons = { … }` table.
    const entries = [...result.matchAll(new RegExp(`^\\s*"${literal(name)}": ([A-Za-z_$][\\w$]*),$`, 'gm'))];
    if (entries.length !== 1) {
      problems.push(`"${name}" appears ${entries.length} times in the icons table`);
      continue;
    }
    const variable = entries[0]![1]!;
    // `var camera_32x32 = "<svg …>";` on one line, the string with escaped quotes only.
    const declaration = new RegExp(`^var ${literal(variable)} = "<svg(?:[^"\\\\\\n]|\\\\.)*</svg>";$`, 'gm');
    const declarations = result.match(declaration) ?? [];
    if (declarations.length !== 1) {
      problems.push(`the SVG of "${name}" (var ${variable}) appears ${declarations.length} times`);
      continue;
    }
    result = result.replace(declaration, () => `var ${variable} = "";`);
  }
  if (problems.length) {
    throw new Error(
      `survey-react-ui's icons are not as expected: ${problems.join('; ')}. ` +
        'Check UNSERVED_ICONS in client/vite.config.ts against the installed survey-react-ui before changing the list.',
    );
  }
  return result;
}

/** Leaves out of the build the SVG icons of question types and windows that the server refuses. */
function dropUnservedSurveyIcons(): Plugin {
  const names = [...new Set(Object.values(UNSERVED_ICONS).flat())];
  let seen = false;
  return {
    name: 'drop-unserved-survey-icons',
    // The dev server pre-bundles survey-react-ui and keeps all its icons; only the build drops them.
    apply: 'build',
    buildStart() {
      seen = false;
    },
    transform: {
      filter: { id: MODULE },
      handler(code, id) {
        if (!MODULE.test(id)) return null;
        seen = true;
        try {
          // Each string is replaced within its own line: the lines stay where they were, so no source map is needed.
          return { code: dropIcons(code, names), map: null };
        } catch (error) {
          this.error((error as Error).message);
        }
      },
    },
    buildEnd(error) {
      if (!error && !seen) this.error('survey-react-ui/fesm/survey-react-ui.mjs was not in the build: its icons could not be checked.');
    },
  };
}

export default defineConfig({
  root: clientRoot,
  plugins: [react(), dropUnservedSurveyIcons()],
  server: {
    proxy: apiProxy,
  },
  preview: {
    proxy: apiProxy,
  },
  build: {
    outDir: 'dist',
    // Lists each chunk's static and dynamic imports; used to check what the public route loads.
    manifest: true,
    // Every browser the raters use preloads modules itself; the polyfill would weigh on the phone route.
    modulePreload: { polyfill: false },
    emptyOutDir: true,
    // antd alone is ~1 MB minified before gzip; it is loaded only by the console.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorGroups,
        },
      },
    },
  },
});
