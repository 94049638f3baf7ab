import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { BSON, MongoClient, type Document } from 'mongodb';
import { describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('wire');

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

/** The first host of the URI: a Unix socket's path (percent-encoded, ends in .sock) or host:port. */
function address(uri: string): { path: string } | { host: string; port: number } {
  const first = /^mongodb:\/\/(?:[^@/]*@)?([^/,?]+)/.exec(uri)?.[1] ?? '127.0.0.1';
  if (first.endsWith('.sock')) return { path: decodeURIComponent(first) };
  const match = /^\[?(.*?)\]?(?::(\d+))?$/.exec(first);
  return { host: match?.[1] || '127.0.0.1', port: Number(match?.[2] ?? 27017) };
}

function header(length: number, requestId: number, opCode: number): Buffer {
  const bytes = Buffer.alloc(16);
  bytes.writeInt32LE(length, 0);
  bytes.writeInt32LE(requestId, 4);
  bytes.writeInt32LE(0, 8); // responseTo
  bytes.writeInt32LE(opCode, 12);
  return bytes;
}

/** An OP_MSG with flagBits 0, a kind-0 section holding `body` (raw BSON) and optional extras. */
function opMsg(body: Uint8Array, requestId = 1, opCode = OP_MSG, ...sections: Buffer[]): Buffer {
  const payload = Buffer.concat([Buffer.from([0, 0, 0, 0, 0]), body, ...sections]);
  return Buffer.concat([header(16 + payload.length, requestId, opCode), payload]);
}

/** A kind-1 section: a named sequence of documents, as drivers send for writes. */
function documentSequence(identifier: string, docs: Document[]): Buffer {
  const name = Buffer.from(`${identifier}\0`);
  const bodies = docs.map((doc) => BSON.serialize(doc));
  const size = Buffer.alloc(4);
  size.writeInt32LE(4 + name.length + bodies.reduce((sum, b) => sum + b.length, 0));
  return Buffer.concat([Buffer.from([1]), size, name, ...bodies]);
}

function opQuery(collection: string, query: Document, requestId = 1): Buffer {
  const doc = BSON.serialize(query);
  const flags = Buffer.alloc(4);
  const name = Buffer.from(`${collection}\0`);
  const skipAndReturn = Buffer.alloc(8);
  skipAndReturn.writeInt32LE(-1, 4); // numberToReturn -1: one document, close the cursor
  const length = 16 + 4 + name.length + 8 + doc.length;
  return Buffer.concat([header(length, requestId, OP_QUERY), flags, name, skipAndReturn, doc]);
}

interface Outcome {
  closed: boolean;
  reply?: Buffer;
}

/**
 * Sends raw bytes on a new connection and waits until the server answers with one whole
 * message, closes the connection, or stays silent for `quietMs`.
 */
async function exchange(bytes: Buffer, quietMs = 1_000): Promise<Outcome> {
  const socket = net.connect(address(h.uri));
  await once(socket, 'connect');
  return new Promise<Outcome>((resolve) => {
    let received = Buffer.alloc(0);
    const finish = (outcome: Outcome) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ closed: false }), quietMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4 && received.length >= received.readInt32LE(0)) {
        finish({ closed: false, reply: received });
      }
    });
    socket.on('error', () => {}); // a reset is just another way of closing
    socket.on('close', () =>
      finish({ closed: true, reply: received.length ? received : undefined }),
    );
    socket.write(bytes);
  });
}

/** The body document of an OP_MSG reply. */
function opMsgBody(reply: Buffer): Document {
  expect(reply.readInt32LE(12)).toBe(OP_MSG);
  expect(reply.readUInt8(20)).toBe(0); // kind-0 section first
  return BSON.deserialize(reply.subarray(21));
}

/** A client with a single pooled connection, recording whether the server ever closed it. */
async function watchedClient() {
  const client = await h.connect({ maxPoolSize: 1, retryReads: false, retryWrites: false });
  const closed: unknown[] = [];
  client.on('connectionClosed', (event) => closed.push(event));
  await client.db(h.dbName).command({ ping: 1 });
  return {
    /** The pooled connection still works and was never dropped. */
    async assertUnaffected() {
      await expect(client.db(h.dbName).command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
      const coll = client.db(h.dbName).collection('still_alive');
      await coll.insertOne({ at: new Date() });
      await expect(coll.countDocuments()).resolves.toBeGreaterThan(0);
      expect(closed).toEqual([]);
    },
  };
}

describe('framing', () => {
  test('a well-formed OP_MSG hello on a raw socket gets an OP_MSG reply', async () => {
    const outcome = await exchange(opMsg(BSON.serialize({ hello: 1, $db: 'admin' }), 42));
    expect(outcome.reply).toBeDefined();
    const reply = outcome.reply ?? Buffer.alloc(0);
    expect(reply.readInt32LE(0)).toBe(reply.length);
    expect(reply.readInt32LE(8)).toBe(42); // responseTo echoes our requestID
    expect(opMsgBody(reply)).toMatchObject({ ok: 1, isWritablePrimary: true });
  });

  test('an insert whose documents travel in a kind-1 document sequence', async () => {
    const command = BSON.serialize({ insert: 'sequenced', $db: h.dbName });
    const docs = documentSequence('documents', [{ _id: 1 }, { _id: 2 }]);
    const { reply } = await exchange(opMsg(command, 3, OP_MSG, docs));
    expect(opMsgBody(reply ?? Buffer.alloc(21))).toMatchObject({ ok: 1, n: 2 });
    const ids = await h.collection('sequenced').distinct('_id');
    expect(ids.sort()).toEqual([1, 2]);
  });

  test('the legacy OP_QUERY isMaster on admin.$cmd gets an OP_REPLY', async () => {
    const { reply } = await exchange(opQuery('admin.$cmd', { isMaster: 1 }, 7));
    expect(reply).toBeDefined();
    const bytes = reply ?? Buffer.alloc(0);
    expect(bytes.readInt32LE(8)).toBe(7);
    expect(bytes.readInt32LE(12)).toBe(OP_REPLY);
    expect(bytes.readInt32LE(32)).toBe(1); // numberReturned
    expect(BSON.deserialize(bytes.subarray(36))).toMatchObject({ ok: 1, ismaster: true });
  });
});

describe('malformed messages affect only their own connection', () => {
  test('a length smaller than the header closes the connection', async () => {
    const watcher = await watchedClient();
    const bytes = Buffer.concat([header(8, 1, OP_MSG), Buffer.alloc(16)]);
    await expect(exchange(bytes)).resolves.toEqual({ closed: true, reply: undefined });
    await watcher.assertUnaffected();
  });

  test('a length above maxMessageSizeBytes closes the connection without waiting for it', async () => {
    const watcher = await watchedClient();
    const bytes = Buffer.concat([header(64 * 1024 * 1024, 1, OP_MSG), Buffer.alloc(5)]);
    await expect(exchange(bytes)).resolves.toEqual({ closed: true, reply: undefined });
    await watcher.assertUnaffected();
  });

  test('an unknown opcode is never answered', async () => {
    // mongod logs and ignores unknown opcodes; closing the connection is equally acceptable.
    const watcher = await watchedClient();
    const outcome = await exchange(opMsg(BSON.serialize({ hello: 1, $db: 'admin' }), 1, 4242));
    expect(outcome.reply).toBeUndefined();
    await watcher.assertUnaffected();
  });

  test('invalid BSON never gets a successful reply', async () => {
    // mongod either closes the connection or answers ok: 0, depending on the parse error.
    const watcher = await watchedClient();
    const unknownType = Buffer.from([8, 0, 0, 0, 0x20, 0x61, 0, 0]); // element type 0x20 does not exist
    const overrun = Buffer.from([64, 0, 0, 0, 0x10, 0x61, 0, 1, 0, 0, 0, 0]); // claims 64 bytes, has 12
    for (const body of [unknownType, overrun]) {
      const outcome = await exchange(opMsg(body));
      if (outcome.reply) expect(opMsgBody(outcome.reply)).toMatchObject({ ok: 0 });
      else expect(outcome.closed).toBe(true);
    }
    await watcher.assertUnaffected();
  });
});

describe('the memory-mongo binary', () => {
  // Runs the compiled entry point: needs `npm run build -w tools/memory-mongo` (root `npm test` does it).
  test('prints its URIs (socket, then TCP) on stdout, serves both, and exits on SIGTERM', async () => {
    const bin = fileURLToPath(new URL('../../bin/memory-mongo.js', import.meta.url));
    const child = spawn(process.execPath, [bin, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = once(child, 'exit');
    const lines: string[] = [];
    const twoLines = new Promise<void>((resolve) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (lines.push(line) === 2) resolve();
      });
    });
    const clients: MongoClient[] = [];
    try {
      await Promise.race([
        twoLines,
        exited.then(() => lines.push(`<exited before printing: ${stderr}>`)),
      ]);
      const [uri = '', tcpUri = ''] = lines;
      // The Unix socket's URI (percent-encoded path) where there is one, else host:port.
      expect(uri).toMatch(
        process.platform === 'win32'
          ? /^mongodb:\/\/[^/\s]+:\d+\//
          : /^mongodb:\/\/%2F[^/\s]+\.sock\/\?replicaSet=rs0$/,
      );
      expect(tcpUri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/\?replicaSet=rs0$/);

      for (const each of [uri, tcpUri]) {
        const client = new MongoClient(each, { serverSelectionTimeoutMS: 5_000 });
        clients.push(client);
        await expect(client.db('bin_check').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
      }
      // A connected client must not keep the engine alive after SIGTERM.
      child.kill('SIGTERM');
      const result = await Promise.race([exited, sleep(5_000).then(() => 'still running')]);
      expect(result).not.toBe('still running');
      const [code, signal] = result as [number | null, NodeJS.Signals | null];
      expect(code === 0 || signal === 'SIGTERM').toBe(true);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
