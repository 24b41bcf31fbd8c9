import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const __dirname = dirname(fileURLToPath(import.meta.url));

const alias = {
  '@shared': resolve(__dirname, 'shared'),
  '@renderer': resolve(__dirname, 'renderer'),
  '@backend': resolve(__dirname, 'electron/backend'),
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The desktop entry and browser mode share one build of the backend.
        input: { index: resolve(__dirname, 'electron/main/index.ts'), web: resolve(__dirname, 'electron/web/index.ts'), 'price-import-worker': resolve(__dirname, 'electron/backend/prices/import-worker.ts') },
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
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html'), bench: resolve(__dirname, 'renderer/bench.html') } },
    },
  },
});
