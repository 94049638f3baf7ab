import { defineConfig } from 'vitest/config';
import { reporting } from '../../vitest.reporting.js';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Each file starts its own engine; a stuck wire exchange must fail fast, not hang CI.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    ...reporting('memory-mongo'),
  },
});
