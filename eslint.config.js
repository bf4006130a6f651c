// ESLint for the app, the tests and the tooling: the recommended rules of ESLint, typescript-eslint
// and eslint-plugin-svelte (runes-aware). Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'static/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // A leading underscore marks a parameter that must be there but is not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Comments quote full-width and CJK text (headers as people type them).
      'no-irregular-whitespace': ['error', { skipComments: true }],
    },
  },
  {
    // Type names (BlobPart …) are checked by TypeScript; no-undef knows only values (typescript-eslint's advice).
    files: ['**/*.ts', '**/*.svelte'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Maps and Sets built inside $derived computations are values, never mutated once returned:
    // reactive collections would only add cost. Shared mutable state lives in $state classes.
    files: ['**/*.svelte', '**/*.svelte.ts'],
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  {
    // Hostile-input tests build malformed JSON on purpose: `any` is the honest type there.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The service worker's precache list is written into it at build time.
    files: ['src/sw/**'],
    languageOptions: { globals: { ...globals.serviceworker, __PRECACHE_MANIFEST__: 'readonly' } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
);
