import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

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

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
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
