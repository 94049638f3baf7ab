/**
 * memory-mongo throughput through the official driver: 10,000 inserts, then indexed findOne by a
 * unique field, a filtered find sorted by a compound index `{ group, score }` (limit 20), a range
 * query on that index against the same query forced to scan (`hint: { $natural: 1 }`), and a
 * findOne on an unindexed field that matches the last documents (a full scan) for comparison.
 * After one unmeasured warm-up round (its figures printed apart), each measurement runs ROUNDS
 * times; the median is reported. `explain` shows each query's plan.
 *
 *   npm run bench:engine
 *   BENCH_WARMUP=0 npm run bench:engine   (no warm-up round: the first round is measured cold)
 *   npx tsx bench/engine.bench.ts [path/to/memory-mongo/dist]   (another build, for before/after)
 */
import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as MemoryMongoModule from '@coachhub/memory-mongo';
import { type Document, MongoClient } from 'mongodb';
import { median, printTable } from './lib/stats.js';

const dist = process.argv[2];
const { MemoryMongo } = (
  dist
    ? await import(pathToFileURL(path.resolve(dist, 'index.js')).href)
    : await import('@coachhub/memory-mongo')
) as typeof MemoryMongoModule;

const DOCUMENTS = 10_000;
const LOOKUPS = 1_000;
const SCANS = 200;
const RANGES = 200;
const ROUNDS = 3;
/**
 * One unmeasured round first (BENCH_WARMUP=0 leaves it out): the first 1,000 of an operation run
 * while V8 still compiles the driver's and the engine's paths for it, which costs two to three
 * times a warm operation (README, "Index keys in a B+-tree"). The warm-up round's own figures are
 * printed too, so what a process that has just started sees stays visible.
 */
const WARMUP = process.env.BENCH_WARMUP !== '0';

interface Row {
  name: string;
  ops: number;
  medianMs: number;
  /** Process CPU per operation (driver and engine), and the collector's pauses in the phase. */
  cpuUs: number;
  minorGcMs: number;
  majorGcMs: number;
}

/** Latencies of one phase, with its process CPU and wall-clock window (for the GC pauses in it). */
interface Phase {
  latencies: number[];
  cpuUs: number;
  start: number;
  end: number;
}

/** Every collection's pause (performance.now() times), to add up per phase afterwards. */
const gcPauses: Array<{ start: number; duration: number; major: boolean }> = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    const major =
      kind === constants.NODE_PERFORMANCE_GC_MAJOR ||
      kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL;
    gcPauses.push({ start: entry.startTime, duration: entry.duration, major });
  }
});
gcObserver.observe({ entryTypes: ['gc'] });

async function timeOps(count: number, op: (i: number) => Promise<unknown>): Promise<Phase> {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const phaseStart = performance.now();
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await op(i);
    latencies.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  return {
    latencies,
    cpuUs: (used.user + used.system) / count,
    start: phaseStart,
    end: performance.now(),
  };
}

function row(name: string, phase: Phase): Row {
  const { latencies } = phase;
  const total = latencies.reduce((sum, value) => sum + value, 0);
  const pauses = gcPauses.filter(({ start }) => start >= phase.start && start < phase.end);
  const sum = (major: boolean) =>
    pauses.filter((pause) => pause.major === major).reduce((ms, pause) => ms + pause.duration, 0);
  return {
    name,
    ops: (latencies.length / total) * 1000,
    medianMs: median(latencies),
    cpuUs: phase.cpuUs,
    minorGcMs: sum(false),
    majorGcMs: sum(true),
  };
}

function medianRow(rows: Row[]): Row {
  const sorted = [...rows].sort((a, b) => a.ops - b.ops);
  return sorted[Math.floor(sorted.length / 2)] as Row;
}

/** The stages of explain's winning plan, outermost first: `LIMIT > FETCH > IXSCAN(group_1_score_1)`. */
function planOf(explain: Document): string {
  const names: string[] = [];
  let stage = (explain.queryPlanner as Document).winningPlan as Document | undefined;
  stage = (stage?.queryPlan as Document | undefined) ?? stage;
  while (stage) {
    names.push(stage.indexName ? `${stage.stage}(${stage.indexName})` : String(stage.stage));
    stage = stage.inputStage as Document | undefined;
  }
  return names.join(' > ');
}

const plans = new Map<string, string>();

async function round(client: MongoClient, index: number, explain: boolean): Promise<Row[]> {
  const collection = client.db(`bench_${index}`).collection('people');
  await collection.createIndex({ email: 1 }, { unique: true });
  await collection.createIndex({ group: 1, score: 1 });
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
  const sorted = (i: number) =>
    collection
      .find({ group: i % 100, score: { $gte: 100 } })
      .sort({ score: -1 })
      .limit(20);
  const filtered = await timeOps(LOOKUPS, (i) => sorted(i).toArray());
  const range = (i: number) =>
    collection.find({
      group: i % 100,
      score: { $gte: (i * 13) % 900, $lt: ((i * 13) % 900) + 100 },
    });
  const ranged = await timeOps(RANGES, (i) => range(i).toArray());
  const forced = await timeOps(RANGES, (i) => range(i).hint({ $natural: 1 }).toArray());
  // The last documents in natural order: the query reads all 10,000 before it finds its match.
  const unindexed = (i: number) => collection.find({ name: `Person ${DOCUMENTS - 1 - (i % 10)}` });
  const scans = await timeOps(SCANS, (i) => unindexed(i).limit(1).next());
  // The round trip alone (driver, loopback, command dispatch): the ceiling for any lookup.
  const pings = await timeOps(LOOKUPS, () => client.db('admin').command({ ping: 1 }));
  if (explain) {
    const explained: Array<[string, () => Promise<Document>]> = [
      [
        'findOne by unique indexed field',
        () => collection.find({ email: 'person7@example.com' }).limit(1).explain(),
      ],
      ['find filter + indexed sort, limit 20', () => sorted(7).explain()],
      ['range on compound index', () => range(7).explain()],
      ['same range forced to scan', () => range(7).hint({ $natural: 1 }).explain()],
      ['findOne by unindexed field', () => unindexed(7).limit(1).explain()],
    ];
    for (const [name, explain] of explained) {
      try {
        plans.set(name, planOf(await explain()));
      } catch (error) {
        plans.set(name, `explain failed: ${(error as Error).message}`);
      }
    }
  }
  await client.db(`bench_${index}`).dropDatabase();
  return [
    row('insertOne (10,000 small documents)', inserts),
    row('findOne by unique indexed field', indexed),
    row('find filter + indexed sort, limit 20', filtered),
    row('range on compound index { group, score }', ranged),
    row('same range, hint $natural (scan)', forced),
    row('findOne by unindexed field (full scan)', scans),
    row('ping (round trip only, for comparison)', pings),
  ];
}

async function main(): Promise<void> {
  const server = await MemoryMongo.start();
  const client = new MongoClient(server.uri);
  await client.connect();
  const warmup = WARMUP ? await round(client, ROUNDS, false) : null;
  const rounds: Row[][] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round(client, i, i === 0));
  await client.close();
  await server.stop();
  gcObserver.disconnect();
  const rows = (rounds[0] as Row[]).map((_, column) =>
    medianRow(rounds.map((r) => r[column] as Row)),
  );
  printTable(
    ['operation', 'ops/s', 'median latency (ms)'],
    rows.map((r) => [r.name, r.ops.toFixed(0), r.medianMs.toFixed(3)]),
  );
  // What the ops/s rows hide: process CPU per operation and the collector's pauses in each phase
  // (young generation: scavenges; old: mark-compact and incremental marking), per round.
  console.log('');
  printTable(
    ['operation', 'CPU µs/op per round', 'minor GC ms per round', 'major GC ms per round'],
    rows.map((r, column) => {
      const each = rounds.map((round) => round[column] as Row);
      return [
        r.name,
        each.map((x) => x.cpuUs.toFixed(0)).join(' '),
        each.map((x) => x.minorGcMs.toFixed(1)).join(' '),
        each.map((x) => x.majorGcMs.toFixed(1)).join(' '),
      ];
    }),
  );
  if (warmup) {
    console.log(
      '\nthe unmeasured warm-up round, for comparison (a process that has just started):',
    );
    printTable(
      ['operation', 'ops/s', 'median latency (ms)', 'CPU µs/op'],
      warmup.map((r) => [r.name, r.ops.toFixed(0), r.medianMs.toFixed(3), r.cpuUs.toFixed(0)]),
    );
  }
  const [, indexed, sortedRow, ranged, forced, scan] = rows as [Row, Row, Row, Row, Row, Row, Row];
  const ratio = scan.medianMs / indexed.medianMs;
  const rangeRatio = forced.medianMs / ranged.medianMs;
  console.log('\nplans (explain):');
  for (const [name, plan] of plans) console.log(`  ${name}: ${plan}`);
  console.log(
    `\nindexed findOne is ${ratio.toFixed(1)}x faster than a full scan of ${DOCUMENTS} documents (goal: >= 20x)`,
  );
  console.log(
    `range on the compound index is ${rangeRatio.toFixed(1)}x faster than the same query forced to scan (goal: >= 20x)`,
  );
  console.log(
    `indexed findOne ${indexed.ops.toFixed(0)}/s (goal: >= 5,000/s); filter + indexed sort + limit 20 ${sortedRow.ops.toFixed(0)}/s (goal: >= 1,000/s)`,
  );
  console.log(
    `node ${process.version}, ${WARMUP ? 'one warm-up round, then ' : 'no warm-up, '}${ROUNDS} measured rounds, medians`,
  );
  if (ratio < 20 || rangeRatio < 20 || indexed.ops < 5000 || sortedRow.ops < 1000)
    process.exitCode = 1;
}

await main();
