// Lint for the whole repository: ESLint's and typescript-eslint's recommended rules, and the two rules of hooks
// that eslint-config-preact also uses. `npm run lint:code` runs it, and so does `npm test` (scripts/checks.test.ts),
// so CI fails on a finding, warnings included.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'web-ext-artifacts/**', '.bench/**', 'extension/e2e/fixtures/**/*.js'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // The classic rules of hooks only: the plugin's newer recommended set checks React Compiler's assumptions,
    // and Preact has no compiler.
    files: ['extension/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    rules: {
      // `_name` marks a value left out on purpose (a destructured field dropped from a copy, an unused parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // The code writes paired assignments as one statement (`if (d < best) (best = d), (at = i);`) in its tight
      // loops; that is style, not an expression whose value was forgotten, and tsc catches a call never made.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    // Tests and their fixtures edit arbitrary JSON to build broken inputs.
    files: ['**/*.test.ts', '**/fixtures/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
