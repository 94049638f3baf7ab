import type { Config } from '../config/config.js';
import { errorText } from '../errors.js';
import type { Logger } from '../logger.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database.js';
import { probeMongod } from './mongod-probe.js';
import { needsMongodProbe, selectDatabase } from './select-database.js';

export interface ResolvedDatabase {
  kind: 'external' | EmbeddedDatabase['kind'];
  uri: string;
  /** Stops the embedded engine; a no-op for an external database. */
  stop(): Promise<void>;
}

type DatabaseConfig = Pick<
  Config,
  'mongodbUri' | 'embeddedDb' | 'embeddedDbDownloadTimeoutSeconds'
>;

/** Picks the database per architecture.md, starts it when embedded, and logs one line naming it. */
export async function resolveDatabase(
  config: DatabaseConfig,
  logger: Logger,
): Promise<ResolvedDatabase> {
  const settings = { mongodbUri: config.mongodbUri, forcedEmbedded: config.embeddedDb };
  const choice = selectDatabase(
    settings,
    needsMongodProbe(settings) ? await probeMongod() : undefined,
  );
  if (choice.kind === 'external') {
    logger.info(`Database: external MongoDB (${choice.reason})`);
    return { kind: 'external', uri: choice.uri, stop: async () => {} };
  }
  const options = { downloadTimeoutSeconds: config.embeddedDbDownloadTimeoutSeconds };
  try {
    const embedded = await startEmbeddedDatabase(choice, options);
    logger.info(`Database: embedded ${embedded.kind} (${choice.reason})`);
    return embedded;
  } catch (error) {
    // A forced engine that fails is a hard error; an automatic mongod attempt may still fall back.
    if (choice.kind === 'memory-mongo' || config.embeddedDb !== null) throw error;
    logger.warn('mongodb-memory-server could not start; falling back to memory-mongo', {
      error: errorText(error),
    });
    const embedded = await startEmbeddedDatabase({ kind: 'memory-mongo', reason: '' }, options);
    logger.info('Database: embedded memory-mongo (mongod could not be started)');
    return embedded;
  }
}
