import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/core/config/config.js';
import { resolveDatabase } from '../src/core/db/resolve-database.js';
import { createLogger } from '../src/core/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URI of the one database server of this test run; each test file uses its own database in it. */
    mongoUri: string;
  }
}

/**
 * Starts the database for the whole run with the same selection as the server
 * (TEST_MONGODB_URI, else embedded; EMBEDDED_DB forces an engine) and says which one runs.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { config } = loadConfig({
    NODE_ENV: 'test',
    MONGODB_URI: process.env.TEST_MONGODB_URI,
    EMBEDDED_DB: process.env.EMBEDDED_DB,
  });
  const logger = createLogger({ logLevel: 'info', isProduction: false });
  const database = await resolveDatabase(config, logger);
  project.provide('mongoUri', database.uri);
  return () => database.stop();
}
