import type { EmbeddedDbKind } from '../config/config.js';

export interface DatabaseSettings {
  mongodbUri: string | null;
  /** EMBEDDED_DB: forces one embedded engine; null picks one. */
  forcedEmbedded: EmbeddedDbKind | null;
}

/** What this machine offers for running a real `mongod` (see mongod-probe.ts). */
export interface MongodAvailability {
  /** A usable binary: MONGOMS_SYSTEM_BINARY, `mongod` on PATH, or one already downloaded. */
  binaryPath: string | null;
  /** Whether the binary download host answered quickly (false offline or when downloads are off). */
  downloadReachable: boolean;
}

export type DatabaseChoice =
  | { kind: 'external'; uri: string; reason: string }
  | { kind: 'mongodb-memory-server'; binaryPath: string | null; reason: string }
  | { kind: 'memory-mongo'; reason: string };

/** Whether selectDatabase needs a look at the machine first (only the automatic embedded choice does). */
export function needsMongodProbe(settings: DatabaseSettings): boolean {
  return settings.mongodbUri === null && settings.forcedEmbedded === null;
}

/**
 * The rule of architecture.md "Database selection": MONGODB_URI wins; EMBEDDED_DB forces an
 * engine; otherwise a real mongod when one is present or can be downloaded, else memory-mongo.
 */
export function selectDatabase(
  settings: DatabaseSettings,
  availability?: MongodAvailability,
): DatabaseChoice {
  if (settings.mongodbUri !== null) {
    return { kind: 'external', uri: settings.mongodbUri, reason: 'MONGODB_URI is set' };
  }
  if (settings.forcedEmbedded === 'memory-mongo') {
    return { kind: 'memory-mongo', reason: 'EMBEDDED_DB=memory-mongo' };
  }
  if (settings.forcedEmbedded === 'mongodb-memory-server') {
    return {
      kind: 'mongodb-memory-server',
      binaryPath: availability?.binaryPath ?? null,
      reason: 'EMBEDDED_DB=mongodb-memory-server',
    };
  }
  if (!availability) throw new Error('selectDatabase: the embedded choice needs a mongod probe');
  if (availability.binaryPath !== null) {
    return {
      kind: 'mongodb-memory-server',
      binaryPath: availability.binaryPath,
      reason: `mongod binary found at ${availability.binaryPath}`,
    };
  }
  if (availability.downloadReachable) {
    return {
      kind: 'mongodb-memory-server',
      binaryPath: null,
      reason: 'no local mongod binary; it can be downloaded',
    };
  }
  return {
    kind: 'memory-mongo',
    reason: 'no mongod binary on this machine and none can be downloaded',
  };
}
