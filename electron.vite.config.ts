import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three builds, as in the electron-vite template, but main has three entries: the Electron shell,
// the plain-Node command line (headless host, import, status) and the database worker thread.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          shell: resolve(__dirname, 'electron/main/shell/index.ts'),
          cli: resolve(__dirname, 'electron/main/cli/index.ts'),
          'store-worker': resolve(__dirname, 'electron/main/core/store/sqlite/worker-entry.ts'),
        },
        external: ['better-sqlite3-multiple-ciphers'],
        // Shared chunks sit beside the entries, so __dirname is out/main in every module (the
        // store worker and the renderer are found relative to it).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file: bundle the contract and zod into it.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
});
