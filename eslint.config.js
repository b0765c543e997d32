import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import atlas from './scripts/eslint-boundaries.mjs';

export default defineConfig([
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The house's layers (scripts/eslint-boundaries.mjs): src/model imports nothing outside itself;
  // visualizations import no store, worker or component; only src/store and src/worker touch
  // src/worker; lessons are data. Probed by src/lint.test.ts.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { atlas },
    rules: { 'atlas/boundaries': 'error' },
  },
]);
