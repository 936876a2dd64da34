// A small rule set: the recommended rules of ESLint, typescript-eslint and eslint-plugin-astro,
// with Prettier's config last so that no lint rule argues with the formatter.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'shots/',
      'bench/tmp/',
      '.astro/',
      'node_modules/',
      'tests/build/fixtures/',
      'bench/out/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a parameter kept for its position in a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright reads a test's fixtures from its first parameter, which must be a destructuring
    // pattern even when no fixture is used: `({}, testInfo) => …`.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  prettier,
);
