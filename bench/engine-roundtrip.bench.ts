/**
 * The indexed `findOne` of `npm run bench:engine` and `ping`, in the same shape (the engine and the
 * official driver in one process, one connection, 10,000 documents with a unique index on
 * `email`), measured as process CPU per operation (`process.cpuUsage`) as well as ops/s: CPU is
 * what a shared, loaded machine distorts least. Rounds alternate findOne and ping; medians.
 * For a profile of the measured loops, one block per operation:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/engine-roundtrip.bench.ts --windows /tmp/prof
 *   npx tsx bench/profile-top.ts /tmp/prof
 *
 *   npx tsx bench/engine-roundtrip.bench.ts [path/to/memory-mongo/dist] [--ops 10000] [--rounds 5]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MongoClient } from 'mongodb';
import { median, printTable } from './lib/stats.js';

const DOCUMENTS = 10_000;
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const OPS = option('--ops', 10_000);
const windowsAt = args.indexOf('--windows');
const WINDOWS_DIR = windowsAt >= 0 ? args[windowsAt + 1] : undefined;
const ROUNDS = option('--rounds', 5);
const dist = path.resolve(
  args.find((arg, i) => !arg.startsWith('--') && !(args[i - 1] ?? '').startsWith('--')) ??
    'tools/memory-mongo/dist',
);

interface MemoryMongoModule {
  MemoryMongo: { start(): Promise<{ uri: string; stop(): Promise<void> }> };
}
const { MemoryMongo } = (await import(
  pathToFileURL(path.join(dist, 'index.js')).href
)) as MemoryMongoModule;

interface Measure {
  cpuUs: number;
  opsPerSecond: number;
}

/** The measured stretches, for bench/profile-top.ts (CLOCK_MONOTONIC µs, as V8 stamps samples). */
const windows: Array<{ label: string; round: number; startUs: number; endUs: number }> = [];
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

async function measure(
  count: number,
  op: (i: number) => Promise<unknown>,
  label = 'warm-up',
): Promise<Measure> {
  const cpu = process.cpuUsage();
  const startUs = monotonicUs();
  const start = performance.now();
  for (let i = 0; i < count; i++) await op(i);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (label !== 'warm-up')
    windows.push({ label, round: windows.length, startUs, endUs: monotonicUs() });
  return { cpuUs: (used.user + used.system) / count, opsPerSecond: (count / wallMs) * 1000 };
}

const server = await MemoryMongo.start();
const client = new MongoClient(server.uri);
await client.connect();
const collection = client.db('roundtrip').collection('people');
await collection.createIndex({ email: 1 }, { unique: true });
for (let i = 0; i < DOCUMENTS; i++) {
  await collection.insertOne({
    email: `person${i}@example.com`,
    name: `Person ${i}`,
    group: i % 100,
    score: (i * 37) % 1000,
    createdAt: new Date(),
  });
}
const pick = (i: number): number => (i * 7919) % DOCUMENTS;
const findOne = (i: number) => collection.findOne({ email: `person${pick(i)}@example.com` });
const ping = () => client.db('admin').command({ ping: 1 });
await measure(2_000, findOne);
await measure(2_000, ping);

const finds: Measure[] = [];
const pings: Measure[] = [];
for (let round = 0; round < ROUNDS; round++) {
  finds.push(await measure(OPS, findOne, 'findOne'));
  pings.push(await measure(OPS, ping, 'ping'));
}
if (WINDOWS_DIR) {
  writeFileSync(
    path.join(WINDOWS_DIR, `api-bench.${process.pid}.windows.json`),
    JSON.stringify(windows),
  );
}
await client.close();
await server.stop();

const med = (list: Measure[], key: keyof Measure) => median(list.map((entry) => entry[key]));
printTable(
  ['operation', 'process CPU µs/op', 'ops/s', 'CPU µs/op per round'],
  [
    ['findOne by unique indexed field', finds, 'findOne'],
    ['ping', pings, 'ping'],
  ].map(([name, list]) => [
    name as string,
    med(list as Measure[], 'cpuUs').toFixed(1),
    med(list as Measure[], 'opsPerSecond').toFixed(0),
    (list as Measure[]).map((entry) => entry.cpuUs.toFixed(0)).join(' '),
  ]),
);
console.log(
  `\n${dist}: node ${process.version}, ${ROUNDS} rounds of ${OPS}, medians; findOne - ping = ${(med(finds, 'cpuUs') - med(pings, 'cpuUs')).toFixed(1)} µs CPU`,
);
