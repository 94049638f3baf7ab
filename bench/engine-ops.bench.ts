/**
 * CPU time and heap allocation per operation of memory-mongo, with the engine in a process of its
 * own (`lib/engine-process.ts`) and the official driver here, one connection. Unlike ops/s, these
 * move little with the machine's load. Operations: `findOne` by a unique indexed field (10,000
 * documents, as in `engine.bench.ts`), the chat's conversation update (`$max` of the activity and
 * `$set` of the sender's read mark through an array filter, as `recordNewMessage` sends it), the
 * chat's message insert (a stored text message with its history index), and `ping`.
 *
 * Several engine builds can be compared in one run, in alternating rounds:
 *
 *   npx tsx bench/engine-ops.bench.ts [--rounds 5] [--only findOne,update] [name=path/to/dist/index.js ...]
 *
 * Without builds it measures the workspace's `@coachhub/memory-mongo` (build it first).
 * `ENGINE_NODE_OPTIONS` passes Node options to the engine processes (e.g. `--cpu-prof`), and
 * `ENGINE_HEAP_PROF=<file>` has each write a sampling heap profile that counts collected objects
 * too (what was allocated, not what stayed alive) to `<file>.<pid>.heapprofile`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { type Collection, type Db, MongoClient, ObjectId } from 'mongodb';
import type { EngineReply, EngineRequest } from './lib/engine-process.js';
import { median, printTable } from './lib/stats.js';
import { directConversation } from './lib/chat-documents.js';

const PEOPLE = 10_000;
const CONVERSATIONS = 1_000;
const WARM_UP = 500;
const COUNTS = { findOne: 5_000, update: 3_000, insert: 3_000, ping: 5_000 } as const;
type OperationName = keyof typeof COUNTS;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const ROUNDS = option('--rounds', 5);
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt >= 0 ? process.argv[onlyAt + 1]?.split(',') : undefined;
const builds = process.argv
  .slice(2)
  .filter((arg) => arg.includes('='))
  .map((arg) => arg.split('=') as [string, string]);
if (builds.length === 0) builds.push(['workspace', '']);

class EngineProcess {
  private readonly child: ChildProcess;
  private waiting: ((reply: EngineReply) => void) | undefined;

  constructor(modulePath: string) {
    const script = fileURLToPath(new URL('./lib/engine-process.ts', import.meta.url));
    const extra = process.env.ENGINE_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
    this.child = fork(script, modulePath ? [modulePath] : [], {
      execArgv: ['--import', 'tsx', ...extra],
    });
    this.child.on('message', (reply: EngineReply) => this.waiting?.(reply));
  }

  request(request: EngineRequest): Promise<EngineReply> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.child.send(request);
    });
  }
}

/** This process's CPU time and allocation, counted the same way as the engine process's. */
function ownMeter(): () => { cpuUs: number; allocatedBytes: number } {
  const profiler = new GCProfiler();
  profiler.start();
  const cpu = process.cpuUsage();
  const heap = getHeapStatistics().used_heap_size;
  return () => {
    const used = process.cpuUsage(cpu);
    const freed = profiler
      .stop()
      .statistics.reduce(
        (sum, gc) =>
          sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize,
        0,
      );
    return {
      cpuUs: used.user + used.system,
      allocatedBytes: getHeapStatistics().used_heap_size - heap + freed,
    };
  };
}

interface Fixture {
  client: MongoClient;
  engine: EngineProcess;
  run: Record<OperationName, (i: number) => Promise<unknown>>;
}

async function seedPeople(db: Db): Promise<Collection> {
  const people = db.collection('people');
  await people.createIndex({ email: 1 }, { unique: true });
  await people.createIndex({ group: 1, score: 1 });
  const batch = [];
  for (let i = 0; i < PEOPLE; i++) {
    batch.push({
      email: `person${i}@example.com`,
      name: `Person ${i}`,
      group: i % 100,
      score: (i * 37) % 1000,
      createdAt: new Date(),
    });
  }
  await people.insertMany(batch);
  return people;
}

/** Conversations and messages shaped as the server stores them (two participants, two marks). */
async function seedChat(db: Db): Promise<{ conversations: Collection; messages: Collection }> {
  const conversations = db.collection('conversations');
  await conversations.createIndex({ key: 1 }, { unique: true });
  await conversations.createIndex({ participants: 1, lastActivityAt: -1 });
  await conversations.createIndex({ kind: 1, lastActivityAt: -1 });
  const messages = db.collection('messages');
  await messages.createIndex({ conversation: 1, createdAt: -1, _id: -1 });
  const start = new Date('2026-01-01T00:00:00Z');
  const batch = [];
  for (let i = 0; i < CONVERSATIONS; i++) batch.push(directConversation(start));
  await conversations.insertMany(batch);
  return { conversations, messages };
}

async function setUp(modulePath: string): Promise<Fixture> {
  const engine = new EngineProcess(modulePath);
  const started = await engine.request({ type: 'start' });
  if (started.type !== 'started') throw new Error('engine did not start');
  const client = new MongoClient(started.uri);
  await client.connect();
  const db = client.db('bench');
  const people = await seedPeople(db);
  const { conversations, messages } = await seedChat(db);
  const chat = await conversations.find().toArray();
  let clock = Date.parse('2026-02-01T00:00:00Z');
  const run: Fixture['run'] = {
    findOne: (i) => people.findOne({ email: `person${(i * 7919) % PEOPLE}@example.com` }),
    update: (i) => {
      const conversation = chat[i % CONVERSATIONS] as (typeof chat)[number];
      const sender = conversation.participants[i % 2] as ObjectId;
      const at = new Date((clock += 1000));
      return conversations.updateOne(
        { _id: conversation._id },
        { $max: { lastActivityAt: at }, $set: { 'reads.$[mine].readAt': at } },
        { arrayFilters: [{ 'mine.user': sender, 'mine.readAt': { $lt: at } }] },
      );
    },
    insert: (i) => {
      const conversation = chat[i % CONVERSATIONS] as (typeof chat)[number];
      return messages.insertOne({
        _id: new ObjectId(),
        conversation: conversation._id,
        sender: conversation.participants[i % 2],
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
      });
    },
    ping: () => db.admin().command({ ping: 1 }),
  };
  return { client, engine, run };
}

interface Sample {
  engineCpuUs: number;
  engineKiB: number;
  driverCpuUs: number;
  driverKiB: number;
}

async function measure(fixture: Fixture, name: OperationName): Promise<Sample> {
  const count = COUNTS[name];
  const op = fixture.run[name];
  for (let i = 0; i < WARM_UP; i++) await op(i);
  await fixture.engine.request({ type: 'mark' });
  const own = ownMeter();
  for (let i = 0; i < count; i++) await op(i);
  const driver = own();
  const engine = await fixture.engine.request({ type: 'mark' });
  if (engine.type !== 'marked') throw new Error('no mark');
  return {
    engineCpuUs: engine.cpuUs / count,
    engineKiB: engine.allocatedBytes / 1024 / count,
    driverCpuUs: driver.cpuUs / count,
    driverKiB: driver.allocatedBytes / 1024 / count,
  };
}

async function main(): Promise<void> {
  const fixtures: Array<[string, Fixture]> = [];
  for (const [name, path] of builds) fixtures.push([name, await setUp(path)]);
  const samples = new Map<string, Sample[]>();
  const operations = (Object.keys(COUNTS) as OperationName[]).filter(
    (name) => !ONLY || ONLY.includes(name),
  );
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which build goes first, so neither always meets the same moment of the load.
    const order = round % 2 === 0 ? fixtures : [...fixtures].reverse();
    for (const [build, fixture] of order) {
      for (const operation of operations) {
        const key = `${build}\0${operation}`;
        const list = samples.get(key) ?? [];
        list.push(await measure(fixture, operation));
        samples.set(key, list);
      }
    }
  }
  const rows: string[][] = [];
  for (const operation of operations) {
    for (const [build] of fixtures) {
      const list = samples.get(`${build}\0${operation}`) ?? [];
      const pick = (field: keyof Sample) => median(list.map((sample) => sample[field]));
      const spread = (field: keyof Sample) =>
        `${Math.min(...list.map((s) => s[field])).toFixed(1)}-${Math.max(...list.map((s) => s[field])).toFixed(1)}`;
      rows.push([
        operation,
        build,
        pick('engineCpuUs').toFixed(1),
        spread('engineCpuUs'),
        pick('engineKiB').toFixed(2),
        pick('driverCpuUs').toFixed(1),
        pick('driverKiB').toFixed(2),
      ]);
    }
  }
  printTable(
    [
      'operation',
      'build',
      'engine µs/op',
      '(min-max)',
      'engine KiB/op',
      'driver µs/op',
      'driver KiB/op',
    ],
    rows,
  );
  console.log(`\nnode ${process.version}, ${ROUNDS} alternating rounds, medians`);
  for (const [, fixture] of fixtures) {
    await fixture.client.close();
    await fixture.engine.request({ type: 'stop' });
  }
}

await main();
