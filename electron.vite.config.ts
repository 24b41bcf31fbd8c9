import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const __dirname = dirname(fileURLToPath(import.meta.url));

const CHART_LIBRARIES =
  /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|use-sync-external-store|clsx)[\\/]/;

const alias = {
  '@shared': resolve(__dirname, 'shared'),
  '@renderer': resolve(__dirname, 'renderer'),
  '@backend': resolve(__dirname, 'electron/backend'),
};

/**
 * `electron-vite build --mode installer` (npm run dist / release) builds only what the
 * installed app runs; browser mode (out/main/web.js) and the benchmark page
 * (out/renderer/bench.html) are developer tools and come only from the default build
 * (npm run build / web / bench / test:e2e).
 */
export const INSTALLER_MODE = 'installer';

export default defineConfig(({ mode }) => {
  const developerEntries = mode !== INSTALLER_MODE;
  return {
    main: {
      resolve: { alias },
      build: {
        outDir: 'out/main',
        rollupOptions: {
          // The desktop entry and browser mode share one build of the backend.
          input: {
            index: resolve(__dirname, 'electron/main/index.ts'),
            'price-import-worker': resolve(__dirname, 'electron/backend/prices/import-worker.ts'),
            'transaction-import-worker': resolve(__dirname, 'electron/backend/transactions/import-worker.ts'),
            'news-import-worker': resolve(__dirname, 'electron/backend/news/import-worker.ts'),
            ...(developerEntries ? { web: resolve(__dirname, 'electron/web/index.ts') } : {}),
          },
        },
      },
    },
    preload: {
      resolve: { alias },
      build: {
        outDir: 'out/preload',
        rollupOptions: {
          input: { index: resolve(__dirname, 'electron/preload/index.ts') },
          // Sandboxed preloads cannot load ES modules.
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    },
    renderer: {
      root: resolve(__dirname, 'renderer'),
      resolve: { alias },
      plugins: [react()],
      build: {
        outDir: resolve(__dirname, 'out/renderer'),
        // electron-vite leaves the renderer unminified; the installer ships it, so minify (bench/bundle.ts checks the budget).
        minify: true,
        rolldownOptions: {
          input: {
            index: resolve(__dirname, 'renderer/index.html'),
            ...(developerEntries ? { bench: resolve(__dirname, 'renderer/bench.html') } : {}),
          },
          output: {
            // The chart library and its dependencies form one chunk that only the (lazy) Charts
            // screen and the bench page load; without this group the bundler folds it into the
            // chunk every entry shares, and the first screen would wait for it.
            codeSplitting: {
              groups: [
                { name: 'charts-vendor', test: CHART_LIBRARIES, includeDependenciesRecursively: false },
                { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, includeDependenciesRecursively: false },
              ],
            },
          },
        },
      },
    },
  };
});
