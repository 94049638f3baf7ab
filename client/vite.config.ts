import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { reporting } from '../vitest.reporting.js';
import { precompress } from './vite-precompress.js';

const API_ORIGIN = 'http://localhost:5000';
const fromHere = (relativePath: string) => fileURLToPath(new URL(relativePath, import.meta.url));

/**
 * Two builds: the app (`dist`, served as files) and, with `--ssr`, the server render of the
 * public pages (`dist-ssr/entry-server.js`, loaded by the server; its libraries stay imports of
 * node_modules). The app's build writes a manifest, which the server reads to name each
 * server-rendered page's stylesheets and scripts.
 */
export default defineConfig(({ isSsrBuild }) => ({
  plugins: isSsrBuild ? [react()] : [react(), precompress()],
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${fromHere('./src')}/` },
      // The client compiles the contract from its source: no build order to respect, and a
      // change in shared/src reaches the dev server and the tests at once.
      {
        find: /^@coachhub\/shared\/([\w-]+)$/,
        replacement: `${fromHere('../shared/src')}/$1.ts`,
      },
    ],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: API_ORIGIN, changeOrigin: true },
      '/socket.io': { target: API_ORIGIN, ws: true, changeOrigin: true },
      // Pictures stored on the server's disk (the local storage driver) are served from there too.
      '/uploads': { target: API_ORIGIN, changeOrigin: true },
    },
  },
  build: isSsrBuild
    ? { outDir: 'dist-ssr', emptyOutDir: true, sourcemap: true, copyPublicDir: false }
    : {
        outDir: 'dist',
        emptyOutDir: true,
        sourcemap: true,
        manifest: true,
        rolldownOptions: {
          output: {
            // Libraries change less often than app code: separate chunks stay cached across deploys.
            codeSplitting: {
              // A group holds the modules it names, not everything they import: `charts` must not
              // pull in what the app needs too (use-sync-external-store, also react-i18next's).
              includeDependenciesRecursively: false,
              groups: [
                {
                  name: 'react',
                  test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
                },
                {
                  // The chart library and what only it uses: loaded with the first chart, never with
                  // the app (it would otherwise join `vendor`, which every page loads). Of
                  // use-sync-external-store only react-redux's `with-selector` (the shim is the app's).
                  name: 'charts',
                  test: /node_modules[\\/]((recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs[\\/]toolkit|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|react-is)[\\/]|use-sync-external-store[\\/].*with-selector)/,
                },
                // The user-agent parser of the account page's session list, loaded with that list.
                { name: 'device-names', test: /node_modules[\\/]bowser[\\/]/ },
                // The live connection's library, loaded with the first sign-in (lib/socket.ts).
                {
                  name: 'socket',
                  test: /node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io[\\/]component-emitter)[\\/]/,
                },
                // axios and the app's one instance of it (lib/http-client.ts), loaded as the app
                // starts but not awaited by the first paint (lib/api-client.ts).
                {
                  name: 'http',
                  test: /node_modules[\\/]axios[\\/]|src[\\/]lib[\\/]http-client\.ts$/,
                },
                // What both the app and the http chunk use (token, session hint, errors, Vite's preload
                // helper): one chunk, not one request each before the first paint.
                {
                  name: 'api-client',
                  test: /src[\\/]lib[\\/](api-client|api-error|access-token|session-hint|two-factor-setup|page-cookies)\.ts$|shared[\\/]src[\\/](errors|page-render)\.ts$|vite[\\/]preload-helper/,
                },
                { name: 'vendor', test: /node_modules[\\/]/ },
              ],
            },
          },
        },
      },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // A page is compiled on its first visit in each file; with every file running at once on two
    // cores that alone can take most of the 5 s a single query waits (setup-tests.ts).
    testTimeout: 15_000,
    restoreMocks: true,
    ...reporting('client'),
  },
}));
