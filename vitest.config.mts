import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/fault/**/*.test.ts',
      'shared/**/*.test.ts',
      'renderer/**/*.test.ts',
    ],
    pool: 'forks',
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
