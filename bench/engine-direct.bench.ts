/**
 * The engine's own CPU time and heap allocation per command, without sockets: wire messages as
 * the official driver sends them are fed to the engine's connection handler (parse, dispatch,
 * run, encode the reply) in one process, so neither the driver nor the kernel's loopback is in
 * the figures. Operations: `findOne` by a unique indexed field (10,000 documents), the chat's
 * conversation update (`$max` of the activity, `$set` of the sender's read mark through an array
 * filter, as `recordNewMessage` sends it, a retryable write), the chat's message insert, `ping`.
 *
 *   npx tsx bench/engine-direct.bench.ts [path/to/memory-mongo/dist] [--rounds 6] [--only update] [--json]
 *
 * The first round warms up and is left out; the others' medians are printed. To compare two
 * builds, run them in turn several times (each run is a fresh process). `ENGINE_HEAP_PROF=<file>`
 * writes a sampling heap profile of the measured rounds that counts collected objects too (what
 * was allocated, not what stayed alive).
 */
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { Session as InspectorSession } from 'node:inspector';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import type { Binary } from 'bson';
import { BSON, type Document, ObjectId, UUID } from 'bson';
import { median, printTable } from './lib/stats.js';
import { directConversation } from './lib/chat-documents.js';

const PEOPLE = 10_000;
const CONVERSATIONS = 1_000;
const COUNTS = { findOne: 20_000, update: 5_000, insert: 5_000, ping: 20_000 } as const;
type OperationName = keyof typeof COUNTS;

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 6;
const JSON_OUTPUT = args.includes('--json');
const onlyAt = args.indexOf('--only');
const ONLY = onlyAt >= 0 ? args[onlyAt + 1]?.split(',') : undefined;
const dist = path.resolve(
  args.find(
    (arg, i) => !arg.startsWith('--') && !['--rounds', '--only'].includes(args[i - 1] ?? ''),
  ) ?? 'tools/memory-mongo/dist',
);

interface EngineInternals {
  Engine: new (options: {
    host: string;
    port: number;
    replSetName: string;
    ttlMonitorIntervalMs: number;
  }) => unknown;
}
interface ServerInternals {
  Connection: new (
    socket: unknown,
    engine: unknown,
    id: number,
    onProtocolError: (message: string) => void,
  ) => unknown;
}

const { Engine } = (await import(
  pathToFileURL(path.join(dist, 'engine.js')).href
)) as EngineInternals;
const { Connection } = (await import(
  pathToFileURL(path.join(dist, 'server.js')).href
)) as ServerInternals;

/** What the connection handler uses of a socket; replies resolve the pending request. */
class FakeSocket extends EventEmitter {
  destroyed = false;
  private pending: ((reply: Buffer) => void) | undefined;
  setNoDelay(): void {}
  destroy(): void {
    this.destroyed = true;
  }
  write(reply: Buffer): boolean {
    const resolve = this.pending;
    this.pending = undefined;
    resolve?.(reply);
    return true;
  }
  request(message: Buffer): Promise<Buffer> {
    return new Promise((resolve) => {
      this.pending = resolve;
      this.emit('data', message);
    });
  }
}

const socket = new FakeSocket();
const engine = new Engine({
  host: '127.0.0.1',
  port: 1,
  replSetName: 'rs0',
  ttlMonitorIntervalMs: 60_000,
});
new Connection(socket, engine, 1, (message) => {
  throw new Error(message);
});

const lsid = { id: new UUID() as Binary };
let requestId = 1;
let txnNumber = 1;

/** An OP_MSG with one body section, as the driver frames a command. */
function frame(body: Document): Buffer {
  const bson = BSON.serialize(body);
  const message = Buffer.alloc(21 + bson.length);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(requestId++, 4);
  message.writeInt32LE(2013, 12);
  message.set(bson, 21);
  return message;
}

async function command(body: Document): Promise<Document> {
  const reply = BSON.deserialize((await socket.request(frame(body))).subarray(21));
  if (reply.ok !== 1 || reply.writeErrors) throw new Error(JSON.stringify(reply));
  return reply;
}

const write = (body: Document): Document => ({
  ...body,
  ordered: true,
  lsid,
  txnNumber: txnNumber++,
  $db: 'bench',
});

async function seed(): Promise<Document[]> {
  await command({
    createIndexes: 'people',
    indexes: [
      { key: { email: 1 }, name: 'email_1', unique: true },
      { key: { group: 1, score: 1 }, name: 'group_1_score_1' },
    ],
    $db: 'bench',
  });
  for (let start = 0; start < PEOPLE; start += 1000) {
    const documents = [];
    for (let i = start; i < start + 1000; i++) {
      documents.push({
        _id: new ObjectId(),
        email: `person${i}@example.com`,
        name: `Person ${i}`,
        group: i % 100,
        score: (i * 37) % 1000,
        createdAt: new Date(),
      });
    }
    await command(write({ insert: 'people', documents }));
  }
  await command({
    createIndexes: 'conversations',
    indexes: [
      { key: { key: 1 }, name: 'key_1', unique: true },
      { key: { participants: 1, lastActivityAt: -1 }, name: 'participants_1_lastActivityAt_-1' },
      { key: { kind: 1, lastActivityAt: -1 }, name: 'kind_1_lastActivityAt_-1' },
    ],
    $db: 'bench',
  });
  await command({
    createIndexes: 'messages',
    indexes: [
      {
        key: { conversation: 1, createdAt: -1, _id: -1 },
        name: 'conversation_1_createdAt_-1__id_-1',
      },
    ],
    $db: 'bench',
  });
  const start = new Date('2026-01-01T00:00:00Z');
  const conversations = [];
  for (let i = 0; i < CONVERSATIONS; i++) conversations.push(directConversation(start));
  await command(write({ insert: 'conversations', documents: conversations }));
  return conversations;
}

const conversations = await seed();
let clock = Date.parse('2026-02-01T00:00:00Z');

/** The messages one round sends, built before it is measured. */
function messagesFor(name: OperationName): Buffer[] {
  const messages: Buffer[] = [];
  for (let i = 0; i < COUNTS[name]; i++) {
    const conversation = conversations[i % CONVERSATIONS] as Document;
    const sender = (conversation.participants as ObjectId[])[i % 2];
    if (name === 'findOne') {
      messages.push(
        frame({
          find: 'people',
          filter: { email: `person${(i * 7919) % PEOPLE}@example.com` },
          limit: 1,
          singleBatch: true,
          lsid,
          $db: 'bench',
        }),
      );
    } else if (name === 'update') {
      const at = new Date((clock += 1000));
      messages.push(
        frame(
          write({
            update: 'conversations',
            updates: [
              {
                q: { _id: conversation._id },
                u: { $max: { lastActivityAt: at }, $set: { 'reads.$[mine].readAt': at } },
                arrayFilters: [{ 'mine.user': sender, 'mine.readAt': { $lt: at } }],
              },
            ],
          }),
        ),
      );
    } else if (name === 'insert') {
      messages.push(
        frame(
          write({
            insert: 'messages',
            documents: [
              {
                _id: new ObjectId(),
                conversation: conversation._id,
                sender,
                kind: 'text',
                body: `Message ${i}: see you on Thursday at ten, I will bring the notes.`,
                image: null,
                replyTo: null,
                clientId: `client-${i}`,
                proposal: null,
                editedAt: null,
                deleted: false,
                deletedAt: null,
                hiddenFor: [],
                moderation: null,
                createdAt: new Date((clock += 1000)),
                __v: 0,
              },
            ],
          }),
        ),
      );
    } else {
      messages.push(frame({ ping: 1, lsid, $db: 'admin' }));
    }
  }
  return messages;
}

interface Sample {
  cpuUs: number;
  kib: number;
}

async function measure(name: OperationName): Promise<Sample> {
  const messages = messagesFor(name);
  const profiler = new GCProfiler();
  profiler.start();
  const heap = getHeapStatistics().used_heap_size;
  const cpu = process.cpuUsage();
  for (const message of messages) await socket.request(message);
  const used = process.cpuUsage(cpu);
  const freed = profiler
    .stop()
    .statistics.reduce(
      (sum, gc) =>
        sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize,
      0,
    );
  const allocated = getHeapStatistics().used_heap_size - heap + freed;
  return {
    cpuUs: (used.user + used.system) / messages.length,
    kib: allocated / 1024 / messages.length,
  };
}

const operations = (Object.keys(COUNTS) as OperationName[]).filter(
  (name) => !ONLY || ONLY.includes(name),
);
const samples = new Map<OperationName, Sample[]>(operations.map((name) => [name, []]));
const heapProfile = process.env.ENGINE_HEAP_PROF;
const inspector = new InspectorSession();
for (let round = 0; round < ROUNDS; round++) {
  if (round === 1 && heapProfile) {
    inspector.connect();
    inspector.post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  }
  for (const name of operations) {
    const sample = await measure(name);
    if (round > 0) samples.get(name)?.push(sample);
  }
}
if (heapProfile) {
  // The in-thread session answers synchronously.
  inspector.post('HeapProfiler.stopSampling', (error, result) => {
    if (!error) writeFileSync(heapProfile, JSON.stringify(result.profile));
  });
}
const result = operations.map((name) => {
  const list = samples.get(name) ?? [];
  return {
    operation: name,
    cpuUs: median(list.map((sample) => sample.cpuUs)),
    kib: median(list.map((sample) => sample.kib)),
  };
});
if (JSON_OUTPUT) console.log(JSON.stringify({ dist, result }));
else {
  printTable(
    ['operation', 'engine CPU µs/op', 'engine KiB/op'],
    result.map((row) => [row.operation, row.cpuUs.toFixed(1), row.kib.toFixed(2)]),
  );
  console.log(`\n${dist}: node ${process.version}, ${ROUNDS - 1} rounds after a warm-up, medians`);
}
