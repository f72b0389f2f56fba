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
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly, noShell] }],
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
