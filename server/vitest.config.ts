import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { reporting } from '../vitest.reporting.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One embedded MongoDB for the whole run; each test file uses its own database in it.
    globalSetup: ['./test/global-setup.ts'],
    environment: 'node',
    // Test files mostly wait on bcrypt (CPU) in workers and on the database in the main process,
    // so one worker per core beats vitest's default of leaving a core idle.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
    ...reporting('server'),
  },
});
