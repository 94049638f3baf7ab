/**
 * The round trip of `bench:engine` (indexed `findOne` and `ping`, driver and engine in one
 * process) through each way a client can reach the engine: the Unix domain socket and loopback
 * TCP, each with the replica-set URI the product uses (`replicaSet=rs0`) and with
 * `directConnection=true`. One engine, one client per way, 10,000 documents with a unique
 * `email` index. The ways take turns in short blocks (the order rotates every round), so on a
 * shared machine each sees the same noise; the figure to read is the median over rounds of each
 * way's latency relative to the socket's in the same round.
 *
 *   npx tsx bench/engine-transport.bench.ts [path/to/memory-mongo/dist] [--rounds 30] [--ops 300]
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as MemoryMongoModule from '@coachhub/memory-mongo';
import { type Collection, MongoClient } from 'mongodb';
import { median, printTable } from './lib/stats.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ROUNDS = option('--rounds', 30);
const OPS = option('--ops', 300);
const WARM_UP = 2_000;
const DOCUMENTS = 10_000;
const dist = args.find((arg, i) => !arg.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
const { MemoryMongo } = (
  dist
    ? await import(pathToFileURL(path.resolve(dist, 'index.js')).href)
    : await import('@coachhub/memory-mongo')
) as typeof MemoryMongoModule;

interface Way {
  name: string;
  client: MongoClient;
  people: Collection;
  findOneUs: number[];
  pingUs: number[];
  findOneCpuUs: number[];
}

const direct = (uri: string) => uri.replace('replicaSet=rs0', 'directConnection=true');
const pick = (i: number): number => (i * 7919) % DOCUMENTS;

/** Mean wall-clock and process CPU microseconds per operation over `count` operations. */
async function block(count: number, op: (i: number) => Promise<unknown>) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < count; i++) await op(i);
  const wallUs = ((performance.now() - start) * 1000) / count;
  const used = process.cpuUsage(cpu);
  return { wallUs, cpuUs: (used.user + used.system) / count };
}

const server = await MemoryMongo.start();
if (!server.socketPath) throw new Error('this engine has no Unix domain socket (Windows?)');
const uris: Array<[string, string]> = [
  ['socket, replicaSet (uri)', server.uri],
  ['socket, directConnection', direct(server.uri)],
  ['TCP, replicaSet (tcpUri)', server.tcpUri],
  ['TCP, directConnection', direct(server.tcpUri)],
];
const ways: Way[] = [];
for (const [name, uri] of uris) {
  const client = await new MongoClient(uri).connect();
  const people = client.db('transport').collection('people');
  ways.push({ name, client, people, findOneUs: [], pingUs: [], findOneCpuUs: [] });
}
const people = (ways[0] as Way).people;
await people.createIndex({ email: 1 }, { unique: true });
await people.insertMany(
  Array.from({ length: DOCUMENTS }, (_, i) => ({ email: `person${i}@example.com`, n: i })),
);
for (const way of ways) {
  await block(WARM_UP, (i) => way.people.findOne({ email: `person${pick(i)}@example.com` }));
  await block(WARM_UP, () => way.client.db('admin').command({ ping: 1 }));
}
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < ways.length; k++) {
    const way = ways[(round + k) % ways.length] as Way;
    const found = await block(OPS, (i) =>
      way.people.findOne({ email: `person${pick(i + round)}@example.com` }),
    );
    const pinged = await block(OPS, () => way.client.db('admin').command({ ping: 1 }));
    way.findOneUs.push(found.wallUs);
    way.findOneCpuUs.push(found.cpuUs);
    way.pingUs.push(pinged.wallUs);
  }
}
for (const way of ways) await way.client.close();
await server.stop();

const socket = ways[0] as Way;
const relative = (values: number[], base: number[]) =>
  median(values.map((value, round) => value / (base[round] as number)));
printTable(
  [
    'way',
    'findOne µs',
    'findOne /s',
    'CPU µs/findOne',
    'ping µs',
    'ping /s',
    'findOne vs socket',
    'ping vs socket',
  ],
  ways.map((way) => [
    way.name,
    median(way.findOneUs).toFixed(1),
    (1e6 / median(way.findOneUs)).toFixed(0),
    median(way.findOneCpuUs).toFixed(1),
    median(way.pingUs).toFixed(1),
    (1e6 / median(way.pingUs)).toFixed(0),
    relative(way.findOneUs, socket.findOneUs).toFixed(3),
    relative(way.pingUs, socket.pingUs).toFixed(3),
  ]),
);
console.log(
  `\nnode ${process.version}, ${ROUNDS} rounds of ${OPS} findOne + ${OPS} ping per way (after ${WARM_UP} of each), medians; "vs socket": median over rounds of the way's mean latency / the socket's (replicaSet) in the same round`,
);
