import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { reporting } from '../vitest.reporting.js';

/** Browser journeys: a production build served by the real server, driven in Chromium. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['journeys/**/*.e2e.ts'],
    globalSetup: ['./support/global-setup.ts'],
    environment: 'node',
    // One browser at a time: two cores are shared with the server under test.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    ...reporting('e2e'),
  },
});
