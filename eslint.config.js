// Lint enforces the import rules of DESIGN.md §1: each layer may import only what is below it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ours = (...layers) => layers.map((l) => ({ group: [`**/${l}/**`, `${l}/**`], message: `This layer may not import ${l}/ (DESIGN.md §1).` }));
const nodeBuiltins = { group: ['node:*'], message: 'No Node built-ins in this layer (DESIGN.md §1).' };
const pkg = (...names) => names.map((name) => ({ name, message: `${name} is not allowed in this layer (DESIGN.md §1).` }));

const layer = (files, patterns, paths = []) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.tsbuild/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  layer(['shared/**'], [...ours('electron', 'renderer', 'server', 'tests', 'bench'), nodeBuiltins], pkg('electron', 'react', 'better-sqlite3')),
  layer(['renderer/**'], [...ours('electron', 'server', 'tests', 'bench'), nodeBuiltins], pkg('electron', 'better-sqlite3')),
  layer(['electron/engine/**'], [...ours('renderer', 'server', 'main', 'preload', 'browser-host')], pkg('electron')),
  layer(['electron/main/**', 'electron/browser-host/**'], ours('renderer', 'server', 'preload')),
  layer(
    ['electron/preload/**'],
    [
      {
        // A negated file cannot re-include a file inside an excluded folder (gitignore rules), hence the folder-by-folder form.
        group: ['**/shared/*', '!**/shared/ipc', '**/shared/ipc/*', '!**/shared/ipc/channels.ts', ...['renderer', 'server', 'engine', 'main'].map((l) => `**/${l}/**`)],
        message: 'The preload imports electron and shared/ipc/channels.ts only (DESIGN.md §1).',
        allowTypeImports: true,
      },
    ],
  ),
  layer(['server/**'], ours('electron', 'renderer', 'tests', 'bench'), pkg('electron', 'react')),
);
