import type { Db } from 'mongodb';
import mongoose from 'mongoose';
import type { Config } from '../config/config.js';
import type { Logger } from '../logger.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { resolveDatabase } from './resolve-database.js';

export interface Database {
  kind: string;
  /** The driver's database behind the Mongoose connection (for libraries that take a Db). */
  db: Db;
  /** Resolves when the database answers a ping within the timeout, rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

mongoose.set('strictQuery', true);

/**
 * How long an operation waits for an unreachable database before it fails (and the API answers
 * 503 DATABASE_UNAVAILABLE): Mongoose holds operations while disconnected, the driver looks for
 * a server to send them to. The driver checks the server every two seconds, so it sees the
 * database come back within that. One second keeps the 503 well inside the two seconds the API
 * promises even on a busy machine (1.5 s plus a loaded event loop once came to 2.01 s).
 */
export const DATABASE_WAIT_MS = 1000;
mongoose.set('bufferTimeoutMS', DATABASE_WAIT_MS);
const CONNECTION_OPTIONS = {
  serverSelectionTimeoutMS: DATABASE_WAIT_MS,
  heartbeatFrequencyMS: 2000,
};
/** At boot the database may still be starting (compose): keep trying this long. */
const BOOT_CONNECT_MS = 10_000;

async function connectWithin(uri: string, totalMs: number): Promise<void> {
  const deadline = Date.now() + totalMs;
  for (;;) {
    try {
      await mongoose.connect(uri, CONNECTION_OPTIONS);
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Connects the application's Mongoose connection and makes sure every model's indexes exist. */
export async function connectDatabase(
  config: Pick<Config, 'mongodbUri' | 'embeddedDb' | 'embeddedDbDownloadTimeoutSeconds'>,
  logger: Logger,
): Promise<Database> {
  const resolved = await resolveDatabase(config, logger);
  try {
    await connectWithin(resolved.uri, BOOT_CONNECT_MS);
    // Unique indexes (e.g. users.email) must exist before the first request relies on them.
    await Promise.all(Object.values(mongoose.models).map((model) => model.init()));
  } catch (error) {
    await resolved.stop();
    throw error;
  }
  const db = mongoose.connection.db;
  if (!db) {
    await resolved.stop();
    throw new Error('The database connection has no Db');
  }
  return {
    kind: resolved.kind,
    db,
    ping: (timeoutMs = 2000) => pingDatabase(timeoutMs),
    close: async () => {
      await mongoose.disconnect();
      await resolved.stop();
    },
  };
}

async function pingDatabase(timeoutMs: number): Promise<void> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== mongoose.ConnectionStates.connected || !db) {
    throw new Error('The database is not connected');
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.command({ ping: 1 }),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('Database ping timed out')), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
