import { readdirSync } from 'node:fs';

import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'e2e/artifacts/**',
      'server/uploads/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Command-line entry points, benchmarks and browser journeys report on stdout by design.
    files: ['**/bin/**', 'bench/**', 'e2e/**', '.ci/**', 'tools/**/src/cli.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Client import boundaries (client/README.md): shared code -> features -> app. A feature
    // never imports another (app/ composes them); components/, lib/ and config/ import no
    // feature and nothing from app/. The zones are built from the folder list, so a new
    // feature is covered without editing this file.
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these the plugin reads only .js files, and no-cycle silently finds nothing.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // The client's tsconfig maps `@/` and `@coachhub/shared/`; an import the resolver cannot
      // follow is skipped by both rules, so it must know those paths.
      'import-x/resolver-next': [
        importX.createNodeResolver({
          extensions: ['.ts', '.tsx', '.js'],
          tsconfig: { configFile: `${import.meta.dirname}/client/tsconfig.json` },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: `${import.meta.dirname}/client/src`,
          zones: [
            ...readdirSync(new URL('client/src/features', import.meta.url), { withFileTypes: true })
              .filter((entry) => entry.isDirectory())
              .map(({ name: feature }, _, all) => ({
                target: `./features/${feature}`,
                from: all
                  .filter((other) => other.name !== feature)
                  .map((other) => `./features/${other.name}`),
                message:
                  'Features never import each other: share through components/ or lib/, or compose in app/.',
              })),
            {
              target: ['./components', './lib', './config'],
              from: ['./features', './app'],
              message:
                'Shared code (components/, lib/, config/) imports no feature and nothing from app/.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
