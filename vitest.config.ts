import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'scripts/**/*.test.ts', 'extension/**/*.test.ts'],
          exclude: ['extension/e2e/**', 'node_modules/**', 'scripts/checks.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        // tsc and ESLint keep both cores busy for a minute: they run alone, after the unit tests and before the
        // browsers, so that neither the matcher's linear-time tests nor the e2e tests' in-page timing run beside them.
        test: {
          name: 'checks',
          include: ['scripts/checks.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 1 },
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
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
