import { readdirSync } from 'node:fs';

import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The server's modules from the bottom of the house up (handbook architecture.md). A module
 * may import modules of lower layers only; core/ and domain/ import no module at all.
 */
const SERVER_LAYERS = [
  ['uploads', 'audit'],
  ['users'],
  ['auth'],
  ['coaches'],
  ['scheduling/schedule-lock'],
  ['scheduling/session-types'],
  ['scheduling/availability', 'scheduling/pricing'],
  ['scheduling/bookings'],
  // Payments hang off bookings: they react to booking events and move bookings on through the
  // bookings service; bookings ask them only through the injected BookingPayments port.
  ['payments'],
  // Chat: may read bookings, users and coaches through their published functions.
  ['conversations'],
  // Reviews of completed bookings: reads bookings, changes coach ratings through coach-records.
  ['reviews'],
  // Reports name users, coaches, messages and reviews: above all of them.
  ['reports'],
  // Features that react to bookings (through domain events, never importing bookings).
  ['notifications'],
  ['email', 'reminders'],
  ['presence', 'admin', 'dashboard'],
  ['seed'],
];

function serverLayerZones() {
  const modules = SERVER_LAYERS.flat();
  const layerOf = (name) => SERVER_LAYERS.findIndex((layer) => layer.includes(name));
  const listed = new Set(modules.map((name) => name.split('/')[0]));
  const unlisted = readdirSync(new URL('server/src/modules', import.meta.url)).filter(
    (name) => !listed.has(name),
  );
  if (unlisted.length > 0) {
    throw new Error(`eslint.config.js: place server modules in SERVER_LAYERS: ${unlisted}`);
  }
  return [
    {
      target: ['./core', './domain'],
      from: ['./modules', './app.ts', './server.ts', './index.ts'],
      message: 'core/ and domain/ sit below every module: they import none.',
    },
    {
      target: './domain',
      from: './core',
      message: 'domain/ holds pure rules: no database, HTTP or sockets from core/.',
    },
    ...modules
      .map((name) => ({
        target: `./modules/${name}`,
        from: modules
          .filter((other) => other !== name && layerOf(other) >= layerOf(name))
          .map((other) => `./modules/${other}`),
        message: `${name} may import only modules of lower layers (SERVER_LAYERS in eslint.config.js); invert the dependency with an injected function or a domain event.`,
      }))
      .filter((zone) => zone.from.length > 0),
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-ssr/**',
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
  {
    // Server module boundaries (server/README.md, handbook architecture.md): dependencies run
    // one way. core/ and domain/ sit at the bottom; each module may import only the modules in
    // the layers below it, and another module only through its service or published functions,
    // never its Mongoose model. Tests may set up data through any module.
    files: ['server/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        importX.createNodeResolver({
          extensions: ['.ts', '.js'],
          // The server writes ESM imports of its own .ts files with a .js suffix.
          extensionAlias: { '.js': ['.ts', '.js'] },
          tsconfig: { configFile: `${import.meta.dirname}/server/tsconfig.json` },
        }),
      ],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: `${import.meta.dirname}/server/src`, zones: serverLayerZones() },
      ],
    },
  },
  {
    files: ['server/src/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Modules have no subfolders of their own, so `../` leaves the module.
              regex: '^\\.\\./.*\\.model(\\.js)?$',
              message:
                "Another module's model: use that module's service or published functions instead.",
            },
          ],
        },
      ],
    },
  },
  prettier,
);
