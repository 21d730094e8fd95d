// Flat ESLint config. The import rules keep the process layering honest:
// common/ runs everywhere (no Node, no Electron), renderer/ never reaches into main/,
// and only a few files under main/ and preload/ may import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronAllowed = [
  'main/electron/**',
  'preload/preload.ts',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', '.tmp/**', 'test-results/**', 'emulator/demo/mail/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Type-only imports of electron are fine anywhere in main/: they vanish at build time.
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/electron/** and preload/preload.ts may import electron.', allowTypeImports: true }] }],
    },
  },
  {
    files: electronAllowed,
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['common/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: ['electron'],
        patterns: [{ group: ['node:*', 'fs', 'path', 'http', 'crypto', '../main/*', '../../main/*', '../renderer/*', '../emulator/*'], message: 'common/ runs in every process: no Node, Electron, main, renderer or emulator imports.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: ['electron'],
        patterns: [{ group: ['**/main/**', '**/emulator/**', 'node:*'], message: 'The renderer talks only to window.skimmer.' }],
      }],
    },
  },
);
