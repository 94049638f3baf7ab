import type { DatabaseChoice } from './select-database.js';

export type EmbeddedChoice = Exclude<DatabaseChoice, { kind: 'external' }>;

export interface EmbeddedDatabase {
  kind: EmbeddedChoice['kind'];
  uri: string;
  stop(): Promise<void>;
}

/**
 * The part of `@coachhub/memory-mongo` this server uses (MemoryMongo.start -> { uri, stop }).
 * Declared here because the engine is loaded by a computed specifier, see startMemoryMongo.
 */
interface MemoryMongoModule {
  MemoryMongo: {
    start(options: { port?: number }): Promise<{ uri: string; stop(): Promise<void> }>;
  };
}

async function startMemoryMongo(): Promise<EmbeddedDatabase> {
  // A computed specifier keeps the engine out of the static import graph: servers with
  // MONGODB_URI never load it, and typechecking the server does not need the engine built.
  const specifier = '@coachhub/memory-mongo';
  const { MemoryMongo } = (await import(specifier)) as MemoryMongoModule;
  const server = await MemoryMongo.start({});
  // `uri` goes through the engine's Unix domain socket where it has one (not on Windows): the
  // driver and the engine share this process, and a socket round trip is cheaper than loopback TCP.
  return { kind: 'memory-mongo', uri: server.uri, stop: () => server.stop() };
}

async function startMongodbMemoryServer(
  binaryPath: string | null,
  downloadTimeoutSeconds: number,
): Promise<EmbeddedDatabase> {
  const { MongoMemoryReplSet } = await import('mongodb-memory-server');
  // Transactions need a replica set; a single wiredTiger node is the smallest that has them.
  const starting = MongoMemoryReplSet.create({
    replSet: { count: 1, storageEngine: 'wiredTiger' },
    ...(binaryPath ? { binary: { systemBinary: binaryPath } } : {}),
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`mongod did not start within ${downloadTimeoutSeconds}s`)),
      downloadTimeoutSeconds * 1000,
    );
  });
  try {
    const replSet = await Promise.race([starting, timeout]);
    return {
      kind: 'mongodb-memory-server',
      uri: replSet.getUri(),
      stop: async () => {
        await replSet.stop({ doCleanup: true, force: true });
      },
    };
  } finally {
    clearTimeout(timer);
  }
}

export function startEmbeddedDatabase(
  choice: EmbeddedChoice,
  options: { downloadTimeoutSeconds: number },
): Promise<EmbeddedDatabase> {
  return choice.kind === 'memory-mongo'
    ? startMemoryMongo()
    : startMongodbMemoryServer(choice.binaryPath, options.downloadTimeoutSeconds);
}
