/**
 * The Unix domain socket the engine listens on beside TCP, as mongod does: a client that comes
 * through it with `replicaSet` must stay on it (hello names the socket as the set's member), a
 * TCP client must see host:port, and the file must come and go with the server. These tests
 * start engines of their own, whatever MONGODB_URI says.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import net from 'node:net';
import {
  MongoClient,
  type Document,
  type MongoClientOptions,
  type TopologyDescription,
} from 'mongodb';
import mongoose, { Schema } from 'mongoose';
import { afterEach, describe, expect, test } from 'vitest';
import { MemoryMongo } from '../../src/index.js';
import { socketPathFor } from '../../src/server.js';

const onWindows = process.platform === 'win32';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(options: Parameters<typeof MemoryMongo.start>[0] = {}) {
  const server = await MemoryMongo.start(options);
  cleanups.push(() => server.stop());
  return server;
}

/** The driver's latest view of each client's topology, from its SDAM events. */
const topologies = new WeakMap<MongoClient, TopologyDescription>();

async function connect(uri: string, options: MongoClientOptions = {}): Promise<MongoClient> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000, ...options });
  client.on('topologyDescriptionChanged', (event) => topologies.set(client, event.newDescription));
  cleanups.push(() => client.close());
  return client.connect();
}

/** The addresses the driver's topology holds after discovery (the seed is replaced by hello's). */
function topologyAddresses(client: MongoClient): string[] {
  return [...(topologies.get(client)?.servers.keys() ?? [])];
}

const hello = (client: MongoClient): Promise<Document> => client.db('admin').command({ hello: 1 });

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe.runIf(!onWindows)('the Unix domain socket', () => {
  test('uri names the socket, tcpUri host:port; both carry the replica set', async () => {
    const server = await startServer();
    expect(server.socketPath).toBe(socketPathFor(server.port));
    expect(server.socketPath).toMatch(/^\/.*memory-mongo-\d+\.sock$/);
    expect(server.uri).toBe(
      `mongodb://${encodeURIComponent(server.socketPath ?? '')}/?replicaSet=rs0`,
    );
    expect(server.tcpUri).toBe(`mongodb://127.0.0.1:${server.port}/?replicaSet=rs0`);
    // Only its owner may connect to it.
    expect(statSync(server.socketPath ?? '').mode & 0o777).toBe(0o600);
  });

  test('a replicaSet client through the socket stays on it and reads its own writes', async () => {
    const server = await startServer();
    const client = await connect(server.uri);
    const socketPath = server.socketPath ?? '';
    await expect(hello(client)).resolves.toMatchObject({
      setName: 'rs0',
      isWritablePrimary: true,
      me: socketPath,
      primary: socketPath,
      hosts: [socketPath],
    });
    const people = client.db('socket').collection('people');
    await people.createIndex({ email: 1 }, { unique: true });
    await people.insertOne({ email: 'ada@example.com', name: 'Ada' });
    await expect(people.findOne({ email: 'ada@example.com' })).resolves.toMatchObject({
      name: 'Ada',
    });
    expect(topologyAddresses(client)).toEqual([socketPath]);
    expect(topologies.get(client)?.type).toBe('ReplicaSetWithPrimary');
  });

  test('a transaction through the socket commits, and an aborted one leaves nothing', async () => {
    const server = await startServer();
    const client = await connect(server.uri);
    const accounts = client.db('socket_txn').collection('accounts');
    await accounts.insertMany([
      { _id: 1 as never, balance: 100 },
      { _id: 2 as never, balance: 0 },
    ]);
    const session = client.startSession();
    cleanups.push(() => session.endSession());
    await session.withTransaction(async () => {
      await accounts.updateOne({ _id: 1 as never }, { $inc: { balance: -30 } }, { session });
      await accounts.updateOne({ _id: 2 as never }, { $inc: { balance: 30 } }, { session });
    });
    session.startTransaction();
    await accounts.insertOne({ _id: 3 as never, balance: 1 }, { session });
    await session.abortTransaction();
    await expect(accounts.find().sort({ _id: 1 }).toArray()).resolves.toEqual([
      { _id: 1, balance: 70 },
      { _id: 2, balance: 30 },
    ]);
  });

  test('Mongoose connects through the socket and runs a transaction', async () => {
    const server = await startServer();
    const connection = await mongoose
      .createConnection(server.uri, { dbName: 'socket_mongoose', serverSelectionTimeoutMS: 5_000 })
      .asPromise();
    cleanups.push(() => connection.close());
    const Booking = connection.model('Booking', new Schema({ coach: String, at: Date }));
    await Booking.init();
    const at = new Date('2026-12-02T10:00:00Z');
    await connection.transaction(async (session) => {
      await Booking.create([{ coach: 'ada', at }], { session });
    });
    await expect(Booking.findOne({ coach: 'ada' }).lean()).resolves.toMatchObject({ at });
  });

  test('TCP still works beside it: host:port as the member, the same data', async () => {
    const server = await startServer();
    const socketClient = await connect(server.uri);
    const tcpClient = await connect(server.tcpUri);
    const address = `127.0.0.1:${server.port}`;
    await expect(hello(tcpClient)).resolves.toMatchObject({
      me: address,
      primary: address,
      hosts: [address],
    });
    await tcpClient.db('both').collection('notes').insertOne({ by: 'tcp' });
    await socketClient.db('both').collection('notes').insertOne({ by: 'socket' });
    const session = tcpClient.startSession();
    cleanups.push(() => session.endSession());
    await session.withTransaction(async () => {
      await tcpClient.db('both').collection('notes').insertOne({ by: 'tcp txn' }, { session });
    });
    const seen = async (client: MongoClient) =>
      (await client.db('both').collection('notes').find().toArray()).map((note) => note.by);
    await expect(seen(socketClient)).resolves.toEqual(['tcp', 'socket', 'tcp txn']);
    await expect(seen(tcpClient)).resolves.toEqual(['tcp', 'socket', 'tcp txn']);
    expect(topologyAddresses(tcpClient)).toEqual([address]);
    expect(topologyAddresses(socketClient)).toEqual([server.socketPath]);
    const status = await socketClient.db('admin').command({ serverStatus: 1 });
    expect(status.connections.current).toBeGreaterThanOrEqual(2);
  });

  test('the socket file is gone after stop, and a client there is refused', async () => {
    const server = await MemoryMongo.start();
    const socketPath = server.socketPath ?? '';
    expect(existsSync(socketPath)).toBe(true);
    await server.stop();
    expect(existsSync(socketPath)).toBe(false);
    const client = new MongoClient(server.uri, { serverSelectionTimeoutMS: 300 });
    await expect(client.connect()).rejects.toThrow();
    await client.close();
  });

  test('a second server gets a socket of its own and data of its own', async () => {
    const [one, two] = await Promise.all([startServer(), startServer()]);
    expect(one.socketPath).not.toBe(two.socketPath);
    const [first, second] = await Promise.all([connect(one.uri), connect(two.uri)]);
    await first.db('own').collection('c').insertOne({ server: 1 });
    await expect(second.db('own').collection('c').countDocuments()).resolves.toBe(0);
    await expect(first.db('own').collection('c').countDocuments()).resolves.toBe(1);
  });

  test('a file left by a server that died without stop is replaced', async () => {
    const port = await freePort();
    const socketPath = socketPathFor(port);
    // A process that listens on the path and is killed: its socket file stays, nobody answers.
    const child = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(socketPath)}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    await once(child, 'exit');
    expect(existsSync(socketPath)).toBe(true);
    const server = await startServer({ port });
    expect(server.socketPath).toBe(socketPath);
    const client = await connect(server.uri);
    await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
  });

  test('a live socket at the path is left alone: the server goes on TCP only', async () => {
    const port = await freePort();
    const socketPath = socketPathFor(port);
    const other = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => other.listen(socketPath, resolve));
    cleanups.push(() => new Promise<void>((resolve) => other.close(() => resolve())));
    const server = await startServer({ port });
    expect(server.socketPath).toBeUndefined();
    expect(server.uri).toBe(server.tcpUri);
    expect(existsSync(socketPath)).toBe(true);
    const client = await connect(server.uri);
    await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
  });

  test('a socket it cannot create leaves the server on TCP', async () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent-memory-mongo-dir';
    try {
      const server = await startServer();
      expect(server.socketPath).toBeUndefined();
      expect(server.uri).toBe(server.tcpUri);
      const client = await connect(server.uri);
      await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  test('unixSocket: false listens on TCP only', async () => {
    const server = await startServer({ unixSocket: false });
    expect(server.socketPath).toBeUndefined();
    expect(server.uri).toBe(server.tcpUri);
    expect(existsSync(socketPathFor(server.port))).toBe(false);
  });
});

describe('where the socket goes', () => {
  test('under the temporary directory, else /tmp when that path would break the driver', () => {
    expect(socketPathFor(27017, '/var/tmp')).toBe('/var/tmp/memory-mongo-27017.sock');
    // The driver lowercases the hosts hello reports; a path with capitals would not match.
    expect(socketPathFor(27017, '/var/folders/ab/T')).toBe('/tmp/memory-mongo-27017.sock');
    expect(socketPathFor(27017, `/${'x'.repeat(120)}`)).toBe('/tmp/memory-mongo-27017.sock');
  });
});
