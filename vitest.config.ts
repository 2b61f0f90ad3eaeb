import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'scripts/**/*.test.ts', 'extension/**/*.test.ts'],
          exclude: ['extension/e2e/**', 'node_modules/**'],
          environment: 'node',
          // Unit tests (with the type checks and the linter, which keep both cores busy) finish before the browsers
          // start, so the end-to-end tests' in-page timing is not measured beside them.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['extension/e2e/**/*.e2e.ts'],
          globalSetup: ['extension/e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
