import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The pure layers run unchanged in Node, the browser and Web Workers, and must be deterministic:
// no UI libraries, no DOM, no Node built-ins, no ambient randomness or clocks.
const pureLayers = [
  'src/engine/**',
  'src/algorithms/**',
  'src/topology/**',
  'src/scenario/**',
  'src/experiments/**',
  'src/explorer/**',
];
const forbiddenModules = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'Pure layers must not import React.' },
  {
    group: ['cytoscape', 'zustand', 'zustand/*', 'uplot'],
    message: 'Pure layers must not import view libraries.',
  },
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'util', 'worker_threads', 'perf_hooks'],
    message: 'Pure layers must not import Node built-ins.',
  },
  { group: ['**/ui/**', '**/view/**', '**/store/**', '**/cli/**'], message: 'Layers point down only.' },
];

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // TypeScript resolves names itself (typescript-eslint's advice); scripts get Node's globals below.
      'no-undef': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: pureLayers,
    rules: {
      'no-restricted-imports': ['error', { patterns: forbiddenModules }],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'No DOM in pure layers.' },
        { name: 'document', message: 'No DOM in pure layers.' },
        { name: 'navigator', message: 'No DOM in pure layers.' },
        { name: 'performance', message: 'No clocks in pure layers.' },
        { name: 'process', message: 'No Node globals in pure layers.' },
        { name: 'setTimeout', message: 'No timers in pure layers.' },
        { name: 'setInterval', message: 'No timers in pure layers.' },
        { name: 'requestAnimationFrame', message: 'No DOM in pure layers.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG of src/engine/prng.ts.' },
        { object: 'Date', property: 'now', message: 'No clocks in pure layers: time is simulated.' },
        { object: 'performance', property: 'now', message: 'No clocks in pure layers.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'No clocks in pure layers: time is simulated.',
        },
      ],
    },
  },
);
