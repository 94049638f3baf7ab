/**
 * Shared set-up for the conformance suite. Every file gets a server URI, a driver client and a
 * database of its own. The engine is started in-process unless MONGODB_URI points at a real
 * server, so the same assertions can be checked against mongod.
 */
import { randomBytes } from 'node:crypto';
import {
  MongoClient,
  MongoServerError,
  type Collection,
  type CommandStartedEvent,
  type CommandSucceededEvent,
  type Db,
  type Document,
  type MongoClientOptions,
  type ObjectId,
} from 'mongodb';
import { afterAll, beforeAll } from 'vitest';

/** Tests use plain ids (numbers, strings); the driver's default typing assumes ObjectId. */
export interface TestDoc extends Document {
  _id?: number | string | ObjectId;
}

export interface Conformance {
  uri: string;
  dbName: string;
  client: MongoClient;
  db: Db;
  /** A collection in this file's database. */
  collection(name: string): Collection<TestDoc>;
  /** Another client on the same server (e.g. with monitorCommands); closed after the file. */
  connect(options?: MongoClientOptions): Promise<MongoClient>;
}

// A broken server should fail a test within its timeout rather than after the driver's 30 s.
const clientDefaults: MongoClientOptions = { serverSelectionTimeoutMS: 5_000 };

/** Registers beforeAll/afterAll for one test file; the returned object is filled in beforeAll. */
export function useConformance(label: string): Conformance {
  const ctx = {} as Conformance;
  const clients: MongoClient[] = [];
  let stopEngine: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const uri = process.env.MONGODB_URI || (await startEngine());
    const connect = async (options: MongoClientOptions = {}) => {
      const client = new MongoClient(uri, { ...clientDefaults, ...options });
      clients.push(client);
      return client.connect();
    };
    const dbName = `conf_${label}_${randomBytes(4).toString('hex')}`;
    const client = await connect();
    const db = client.db(dbName);
    const collection = (name: string) => db.collection<TestDoc>(name);
    Object.assign(ctx, { uri, dbName, client, db, collection, connect });
  });

  afterAll(async () => {
    await ctx.db?.dropDatabase();
    await Promise.all(clients.map((client) => client.close()));
    await stopEngine?.();
  });

  return ctx;

  async function startEngine(): Promise<string> {
    // Imported lazily so a run against a real server never loads the engine.
    const { MemoryMongo } = await import('../../src/index.js');
    const server = await MemoryMongo.start({ port: 0 });
    stopEngine = () => server.stop();
    return server.uri;
  }
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function errorOf(promise: Promise<unknown>): Promise<MongoServerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MongoServerError) return error;
    throw error;
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

export interface CommandLog {
  started: CommandStartedEvent[];
  succeeded: CommandSucceededEvent[];
  /** Commands named `name` that the client sent, in order. */
  sent(name: string): CommandStartedEvent[];
  /** Reply documents to commands named `name`, in order. */
  replies(name: string): Document[];
}

/** Records what a client created with `monitorCommands: true` sends and receives. */
export function recordCommands(client: MongoClient): CommandLog {
  const log: CommandLog = {
    started: [],
    succeeded: [],
    sent: (name) => log.started.filter((event) => event.commandName === name),
    replies: (name) =>
      log.succeeded
        .filter((event) => event.commandName === name)
        .map((event) => event.reply as Document),
  };
  client.on('commandStarted', (event) => log.started.push(event));
  client.on('commandSucceeded', (event) => log.succeeded.push(event));
  return log;
}

/** Seeds ten documents `{ _id: n, n, group: 'odd' | 'even', meta: { square } }` for n = 1..10. */
export async function seedNumbers(coll: Collection<TestDoc>): Promise<Collection<TestDoc>> {
  await coll.insertMany(
    Array.from({ length: 10 }, (_, i) => ({
      _id: i + 1,
      n: i + 1,
      group: (i + 1) % 2 === 0 ? 'even' : 'odd',
      meta: { square: (i + 1) ** 2 },
    })),
  );
  return coll;
}
