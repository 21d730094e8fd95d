// Flat ESLint config. The layer rules keep the process boundaries honest (VS Code's
// code-layering and Signal-Desktop's per-environment configs are the models):
//   common/    runs everywhere: no Node, no DOM, no Electron, no other layer;
//   renderer/  talks only to window.skimmer: never main/, emulator/, Node or Electron;
//   preload/   builds the bridge from common/: never main/ or renderer/;
//   main/      never renderer/; only main/electron/** imports electron at run time;
//   emulator/  a stand-alone Google: never main/ or renderer/.
// tests/unit/lint/layers.test.ts proves each rule catches a sample.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettierCompatible from 'eslint-config-prettier';

const layer = {
  main: { group: ['**/main', '**/main/**'], message: 'Only main/ (and the tests) may import main/: other processes reach it over IPC.' },
  renderer: { group: ['**/renderer', '**/renderer/**'], message: 'Nothing imports the renderer: it is a separate page that talks to window.skimmer.' },
  emulator: { group: ['**/emulator', '**/emulator/**'], message: 'The renderer and common/ never import the emulator.' },
  node: { group: ['node:*'], message: 'No Node built-ins here.' },
};
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_')).flatMap((name) => [name, `${name}/*`]);
const electron = { name: 'electron', message: 'Only main/electron/** and preload/preload.ts may import electron.', allowTypeImports: true };

/** One no-restricted-imports rule: the layers a folder may not import, plus electron unless it may. */
function restrict(groups, { electronAllowed = false, builtins = false } = {}) {
  const patterns = groups.map((g) => ({ ...g }));
  if (builtins) patterns.push({ group: nodeBuiltins, message: layer.node.message });
  return ['error', { paths: electronAllowed ? [] : [electron], patterns }];
}

// Globals that exist in only one environment; common/ code runs in all of them.
const nodeOnlyGlobals = ['process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'exports', 'setImmediate', 'clearImmediate'];
// prettier-ignore
const domOnlyGlobals = [
  'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'self', 'HTMLElement', 'Element', 'Node', 'fetch', 'XMLHttpRequest',
];
const notInCommon = (name) => ({ name, message: `${name} is not in every process: common/ may use only what Node, Chromium and the preload all have.` });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', '.tmp/**', 'test-results/**', 'emulator/demo/mail/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Formatting belongs to Prettier: turn off the stylistic rules it would fight. Later blocks
  // switch max-len back on, as a guard for what Prettier can't wrap (strings, comments).
  prettierCompatible,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Type-only imports of electron are fine anywhere in main/: they vanish at build time.
      '@typescript-eslint/no-restricted-imports': restrict([]),
    },
  },
  {
    files: ['main/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict([layer.renderer]) },
  },
  {
    // No line over 160 characters, in every folder. Prettier wraps code at 160; this catches what
    // it can't wrap (strings, comments, regexes). Left out: message catalogs (data: a sentence
    // stays on one line).
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    ignores: ['{main,renderer/src}/i18n/{en,ko}.ts'],
    rules: { 'max-len': ['error', { code: 160, ignoreUrls: true }] },
  },
  {
    files: ['main/electron/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict([layer.renderer], { electronAllowed: true }) },
  },
  {
    files: ['preload/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict([layer.main, layer.renderer, layer.emulator]) },
  },
  {
    files: ['preload/preload.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict([layer.main, layer.renderer, layer.emulator], { electronAllowed: true }) },
  },
  {
    files: ['emulator/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict([layer.main, layer.renderer]) },
  },
  {
    files: ['common/**'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([layer.main, layer.renderer, layer.emulator, layer.node], { builtins: true }),
      'no-restricted-globals': ['error', ...[...nodeOnlyGlobals, ...domOnlyGlobals].map(notInCommon)],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': restrict([layer.main, layer.emulator, layer.node], { builtins: true }),
    },
  },
);
