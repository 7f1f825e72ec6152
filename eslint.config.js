// The linter over the whole repository (npm test runs it): typescript-eslint's recommended rules for
// the TypeScript, ESLint's for the browser scripts (ES modules but for the embed snippet, no build
// step), with the browser's globals.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'bench/results/', 'tests/screenshots/'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` says "deliberately unused" (a destructured field left out, a parameter a signature needs).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Chai's property assertions (`.to.be.empty`) are expressions; the tests' HTTP client returns JSON
    // whose shape each test asserts.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The pages' own scripts are ES modules (tsconfig.browser.json type-checks them).
    files: ['web/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
    // A `catch (e)` that ignores why (storage or a feature the browser lacks) is deliberate.
    rules: { 'no-unused-vars': ['error', { caughtErrors: 'none', argsIgnorePattern: '^_' }] },
  },
  {
    // The one classic script: the snippet other sites paste with a plain <script src>.
    files: ['web/embed.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['eslint.config.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
);
