/**
 * memory-mongo throughput through the official driver: 10,000 inserts, then indexed findOne by a
 * unique field, filtered and sorted finds, and a findOne on an unindexed field that matches the
 * last documents (a full scan) for comparison. Each measurement runs ROUNDS times; the median is reported.
 *
 *   npm run bench:engine
 */
import { MemoryMongo } from '@coachhub/memory-mongo';
import { MongoClient } from 'mongodb';
import { median, printTable } from './lib/stats.js';

const DOCUMENTS = 10_000;
const LOOKUPS = 1_000;
const SCANS = 200;
const ROUNDS = 3;

interface Row {
  name: string;
  ops: number;
  medianMs: number;
}

async function timeOps(count: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await op(i);
    latencies.push(performance.now() - start);
  }
  return latencies;
}

function row(name: string, latencies: number[]): Row {
  const total = latencies.reduce((sum, value) => sum + value, 0);
  return { name, ops: (latencies.length / total) * 1000, medianMs: median(latencies) };
}

function medianRow(rows: Row[]): Row {
  const sorted = [...rows].sort((a, b) => a.ops - b.ops);
  return sorted[Math.floor(sorted.length / 2)] as Row;
}

async function round(client: MongoClient, index: number): Promise<Row[]> {
  const collection = client.db(`bench_${index}`).collection('people');
  await collection.createIndex({ email: 1 }, { unique: true });
  const pick = (i: number): number => (i * 7919) % DOCUMENTS;
  const inserts = await timeOps(DOCUMENTS, (i) =>
    collection.insertOne({
      email: `person${i}@example.com`,
      name: `Person ${i}`,
      group: i % 100,
      score: (i * 37) % 1000,
      createdAt: new Date(),
    }),
  );
  const indexed = await timeOps(LOOKUPS, (i) =>
    collection.findOne({ email: `person${pick(i)}@example.com` }),
  );
  const filtered = await timeOps(LOOKUPS, (i) =>
    collection
      .find({ group: i % 100, score: { $gte: 100 } })
      .sort({ score: -1 })
      .limit(20)
      .toArray(),
  );
  // The last documents in natural order: the query reads all 10,000 before it finds its match.
  const scans = await timeOps(SCANS, (i) =>
    collection.findOne({ name: `Person ${DOCUMENTS - 1 - (i % 10)}` }),
  );
  await client.db(`bench_${index}`).dropDatabase();
  return [
    row('insertOne (10,000 small documents)', inserts),
    row('findOne by unique indexed field', indexed),
    row('find filter + sort, limit 20', filtered),
    row('findOne by unindexed field (full scan)', scans),
  ];
}

async function main(): Promise<void> {
  const server = await MemoryMongo.start();
  const client = new MongoClient(server.uri);
  await client.connect();
  const rounds: Row[][] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round(client, i));
  await client.close();
  await server.stop();
  const rows = (rounds[0] as Row[]).map((_, column) =>
    medianRow(rounds.map((r) => r[column] as Row)),
  );
  printTable(
    ['operation', 'ops/s', 'median latency (ms)'],
    rows.map((r) => [r.name, r.ops.toFixed(0), r.medianMs.toFixed(3)]),
  );
  const [, indexed, , scan] = rows as [Row, Row, Row, Row];
  const ratio = scan.medianMs / indexed.medianMs;
  console.log(
    `\nindexed findOne is ${ratio.toFixed(1)}x faster than a full scan of ${DOCUMENTS} documents (goal: >= 20x)`,
  );
  console.log(`node ${process.version}, ${ROUNDS} rounds, medians`);
  if (ratio < 20) process.exitCode = 1;
}

await main();
