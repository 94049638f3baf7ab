import { ConfigError, loadConfig, type LoadedConfig } from './core/config/config.js';
import { createLogger } from './core/logger.js';
import { createServer } from './server.js';

/** A bad configuration stops the process with every offending variable named. */
function loadConfigOrExit(): LoadedConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const { config, notices } = loadConfigOrExit();
  const logger = createLogger(config);
  for (const notice of notices) logger.warn(notice);

  const server = await createServer(config, { logger });
  const address = await server.listen();
  logger.info(`CoachHub server listening on http://localhost:${address.port} (${config.nodeEnv})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: shutting down`);
    try {
      await server.close();
      logger.info('Shutdown complete');
      process.exit(0);
    } catch (error) {
      logger.error('Shutdown failed', { error: error instanceof Error ? error.message : error });
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('CoachHub server failed to start:', error);
  process.exit(1);
});
