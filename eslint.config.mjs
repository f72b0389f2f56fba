// Layering is enforced here, not by convention: shared/ stays pure (no electron, no node:*, no DOM),
// only the Electron shell and preload may import `electron`, and the renderer never reaches into
// the main process. tsconfig.shared.json (types: []) backs the same rule from the type side.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'worker_threads',
  'stream',
  'util',
  'events',
  'url',
  'zlib',
];
const electronOnly = {
  regex: '^electron(/.*)?$',
  message: 'Only electron/main/shell and electron/preload may import electron.',
};
const noShell = {
  group: ['**/shell/**'],
  message: 'The core runs in plain Node; it never depends on the Electron shell.',
};
const noRenderer = {
  group: ['**/renderer/**'],
  message: 'The main process never imports renderer code; both stand on shared/.',
};
const mainBase = [electronOnly, noShell, noRenderer];
// The store seam (core/store/store.ts, store-types.ts, store-admin.ts): only the places that start a
// core choose the engine; everything else works through the interface.
const noSqlite = {
  group: ['**/store/sqlite/**', '**/store/postgres/**'],
  message:
    'Only core/store/, start-console.ts and open-admin-store.ts choose the engine; use core/store/store.ts (or store-admin.ts).',
};
const ENGINE_CHOOSERS = ['electron/main/core/start-console.ts', 'electron/main/core/open-admin-store.ts'];
// The store keeps and queries; it decides nothing of the core's and never imports upward into it.
const CORE_PARTS = [
  'accounts',
  'alarm',
  'audit',
  'config',
  'feed',
  'handover',
  'host',
  'ingest',
  'ipc',
  'key',
];
const CORE_PARTS_MORE = [
  'presence',
  'reports',
  'retention',
  'routing',
  'simulator',
  'console-core',
  'console',
  'periodic',
];
const storeUpward = () => ({
  regex: `^(\\.\\./)+(${[...CORE_PARTS, ...CORE_PARTS_MORE].join('|')})(/|$)`,
  message: 'store/ never imports upward into the core (rules it needs live in shared/ or at the seam).',
});
// The engines share only what sits at the seam (core/store/*.ts) and shared/: one engine never borrows
// from the other, so either can change (or go) without touching the other.
const noOtherEngine = {
  regex: '^\\.\\./(sqlite|postgres)(/|$)',
  message:
    'One engine never imports the other: move what both use to core/store/ (engine-neutral) or shared/.',
};
export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'test-results/',
      'playwright-report/',
      '.ci-work/',
      'bin/',
      'scripts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronOnly,
            { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node built-ins.' },
            {
              group: [
                'better-sqlite3*',
                'ws',
                'react',
                'react-dom',
                'zustand',
                '**/electron/**',
                '**/renderer/**',
              ],
              message: 'shared/ may not depend on a runtime or a layer above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'require',
        'localStorage',
        'navigator',
      ],
    },
  },
  {
    files: ['electron/main/core/**/*.ts', 'electron/main/cli/**/*.ts'],
    ignores: ['electron/main/core/store/**', ...ENGINE_CHOOSERS],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...mainBase, noSqlite] }],
    },
  },
  {
    files: ENGINE_CHOOSERS,
    rules: {
      'no-restricted-imports': ['error', { patterns: mainBase }],
    },
  },
  {
    // No exception: what the engines compute a report with is the store's own (core/store/report/).
    files: ['electron/main/core/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...mainBase, noOtherEngine, storeUpward()] }],
    },
  },
  {
    files: ['electron/main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noRenderer, noSqlite] }],
    },
  },
  {
    // The preload is the bridge: it sees only Electron's IPC and the contract in shared/.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The preload runs sandboxed: no Node built-ins.' },
            {
              group: [
                '**/main/**',
                '**/renderer/**',
                'better-sqlite3*',
                'ws',
                'react',
                'react-dom',
                'zustand',
              ],
              message: 'The preload imports only electron and shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    ignores: ['tests/unit/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly] }],
    },
  },
  {
    // Test doubles of Electron objects and raw wire messages are loosely typed on purpose.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronOnly,
            { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node built-ins.' },
            {
              group: ['**/electron/**', 'better-sqlite3*', 'ws'],
              message: 'The renderer talks to main only through the contract in shared/contract.',
            },
          ],
        },
      ],
    },
  },
);
