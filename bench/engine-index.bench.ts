/**
 * The cost of keeping an index's keys in order as the collection grows: one index on a date
 * field (the chat's `lastActivityAt`-shaped key, a Date per document, `_id` an ObjectId), filled
 * to 1,000 / 16,000 / 64,000 / 200,000 keys, then 4,000 inserts of documents whose dates fall
 * anywhere in the range (so the key goes into the middle), and 4,000 removals of random ones.
 * CPU per insert and per removal, the index alone (no wire, no driver). Builds side by side:
 *
 *   npx tsx bench/engine-index.bench.ts [name=path/to/memory-mongo/dist ...] [--rounds 3]
 *
 * Default: the workspace's build. Each size and build runs ROUNDS times, alternating builds;
 * medians are printed.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ObjectId } from 'bson';
import { median, printTable } from './lib/stats.js';
import { seededRandom as random } from '../tools/memory-mongo/test/seeded-random.js';

const SIZES = [1_000, 16_000, 64_000, 200_000];
const OPERATIONS = 4_000;
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
const builds = args
  .filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--rounds')
  .map((arg) => {
    const [name, dist] = arg.includes('=') ? (arg.split('=') as [string, string]) : [arg, arg];
    return { name, dist: path.resolve(dist) };
  });
if (builds.length === 0)
  builds.push({ name: 'workspace', dist: path.resolve('tools/memory-mongo/dist') });

type Doc = Record<string, unknown>;
interface IndexLike {
  add(id: string, document: Doc, seq?: number): void;
  remove(id: string, document: Doc, seq?: number): void;
}
interface IndexModule {
  Index: new (spec: { key: Doc; name: string; v: number }) => IndexLike;
}

interface Stored {
  id: string;
  doc: Doc;
  seq: number;
}

function measure(
  Index: IndexModule['Index'],
  size: number,
): { insertUs: number; removeUs: number } {
  const next = random(size);
  const index = new Index({ key: { lastActivityAt: -1 }, name: 'lastActivityAt_-1', v: 2 });
  const base = Date.UTC(2026, 0, 1);
  let seq = 0;
  const make = (): Stored => {
    const _id = new ObjectId();
    const doc = { _id, lastActivityAt: new Date(base + Math.floor(next() * 3e10)) };
    return { id: _id.toHexString(), doc, seq: seq++ };
  };
  const stored: Stored[] = [];
  for (let i = 0; i < size; i++) {
    const entry = make();
    index.add(entry.id, entry.doc, entry.seq);
    stored.push(entry);
  }
  const fresh = Array.from({ length: OPERATIONS }, make);
  let cpu = process.cpuUsage();
  for (const entry of fresh) index.add(entry.id, entry.doc, entry.seq);
  let used = process.cpuUsage(cpu);
  const insertUs = (used.user + used.system) / OPERATIONS;
  stored.push(...fresh);
  const victims: Stored[] = [];
  for (let i = 0; i < OPERATIONS; i++) {
    const at = Math.floor(next() * stored.length);
    victims.push(stored[at] as Stored);
    stored[at] = stored[stored.length - 1] as Stored;
    stored.pop();
  }
  cpu = process.cpuUsage();
  for (const entry of victims) index.remove(entry.id, entry.doc, entry.seq);
  used = process.cpuUsage(cpu);
  return { insertUs, removeUs: (used.user + used.system) / OPERATIONS };
}

const modules = await Promise.all(
  builds.map(
    async (build) =>
      (await import(
        pathToFileURL(path.join(build.dist, 'storage', 'index.js')).href
      )) as IndexModule,
  ),
);
const results = new Map<string, { insert: number[]; remove: number[] }>();
// A warm-up of each build, so the first measured size is not the compiler's.
for (const module of modules) measure(module.Index, 8_000);
for (const size of SIZES) {
  for (let round = 0; round < ROUNDS; round++) {
    builds.forEach((build, b) => {
      const { insertUs, removeUs } = measure((modules[b] as IndexModule).Index, size);
      const key = `${build.name}:${size}`;
      const entry = results.get(key) ?? { insert: [], remove: [] };
      entry.insert.push(insertUs);
      entry.remove.push(removeUs);
      results.set(key, entry);
    });
  }
}
printTable(
  ['build', 'keys', 'CPU µs per insert', 'CPU µs per removal', 'inserts per round'],
  SIZES.flatMap((size) =>
    builds.map((build) => {
      const entry = results.get(`${build.name}:${size}`) as { insert: number[]; remove: number[] };
      return [
        build.name,
        size.toLocaleString('en-US'),
        median(entry.insert).toFixed(2),
        median(entry.remove).toFixed(2),
        entry.insert.map((us) => us.toFixed(1)).join(' '),
      ];
    }),
  ),
);
console.log(
  `\nnode ${process.version}, ${OPERATIONS} inserts and removals per size, ${ROUNDS} rounds, medians`,
);
