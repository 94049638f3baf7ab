import { Long, Timestamp } from 'bson';
import { MAX_BSON_OBJECT_SIZE, MAX_MESSAGE_SIZE } from '../wire.js';
import type { CommandContext, CommandHandler, CommandTable } from './context.js';

export const SERVER_VERSION = '7.0.0';
/** MongoDB 7.0 */
const MAX_WIRE_VERSION = 21;

/**
 * The one member is reported under the address this client used, so that the driver's
 * replica-set discovery (which replaces the seed by `hosts`, `me` and `primary`) keeps a
 * socket client on the socket and a TCP client on TCP.
 */
const hello: CommandHandler = ({ engine, connectionId, serverAddress }) => {
  const address = serverAddress;
  const now = new Date();
  return {
    helloOk: true,
    isWritablePrimary: true,
    ismaster: true,
    secondary: false,
    setName: engine.options.replSetName,
    setVersion: 1,
    hosts: [address],
    primary: address,
    me: address,
    electionId: engine.electionId,
    lastWrite: {
      opTime: { ts: Timestamp.fromNumber(Math.floor(now.getTime() / 1000)), t: Long.fromNumber(1) },
      lastWriteDate: now,
    },
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100_000,
    localTime: now,
    logicalSessionTimeoutMinutes: 30,
    connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
};

const buildInfo: CommandHandler = () => ({
  version: SERVER_VERSION,
  gitVersion: 'memory-mongo',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  storageEngines: ['memory-mongo'],
  ok: 1,
});

const listDatabases = ({ store, body }: CommandContext) => {
  const databases = [...store.databases.keys()].map((name) => ({
    name,
    sizeOnDisk: 0,
    empty: false,
  }));
  if (body.nameOnly === true) return { databases: databases.map(({ name }) => ({ name })), ok: 1 };
  return { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
};

const serverStatus: CommandHandler = ({ engine }) => {
  const uptimeMillis = Date.now() - engine.startedAt.getTime();
  return {
    host: engine.address,
    version: SERVER_VERSION,
    process: 'memory-mongo',
    pid: process.pid,
    uptime: Math.floor(uptimeMillis / 1000),
    uptimeMillis,
    localTime: new Date(),
    connections: { ...engine.connections, available: 1_000_000 },
    transactions: { currentActive: engine.store.activeTransactions.size },
    metrics: { cursor: { open: { total: engine.cursors.size } } },
    ok: 1,
  };
};

const dbStats: CommandHandler = ({ store, db }) => {
  const collections = store.collections(db);
  return {
    db,
    collections: collections.length,
    objects: collections.reduce((sum, collection) => sum + collection.count(), 0),
    indexes: collections.reduce((sum, collection) => sum + collection.indexSpecs().length, 0),
    ok: 1,
  };
};

export const adminCommands: CommandTable = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  getParameter: () => ({ featureCompatibilityVersion: { version: '7.0' }, ok: 1 }),
  listDatabases,
  dropDatabase: ({ store, db }) => {
    store.dropDatabase(db);
    return { dropped: db, ok: 1 };
  },
  serverStatus,
  dbStats,
  connectionStatus: () => ({
    authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] },
    ok: 1,
  }),
  whatsmyuri: ({ engine }) => ({ you: engine.address, ok: 1 }),
  hostInfo: () => ({ system: { currentTime: new Date(), hostname: 'memory-mongo' }, ok: 1 }),
  getCmdLineOpts: () => ({ argv: ['memory-mongo'], parsed: {}, ok: 1 }),
  endSessions: ({ engine, body }) => {
    engine.endSessions(Array.isArray(body.endSessions) ? body.endSessions : []);
    return { ok: 1 };
  },
  killSessions: ({ engine, body }) => {
    engine.endSessions(Array.isArray(body.killSessions) ? body.killSessions : []);
    return { ok: 1 };
  },
  refreshSessions: () => ({ ok: 1 }),
};
