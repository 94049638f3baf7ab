/**
 * The API's everyday reads against `GET /health`, the product as `npm start` runs it (the built
 * server with the embedded memory-mongo engine in its process and the demo data; see
 * lib/product-server.ts for the few settings a bench changes). The server, every thread of it, runs
 * on core 0 (`taskset`); this process and its load generator (autocannon, keep-alive, 10
 * connections) on core 1. Signs in as the demo client Lena and reads as she would: her account,
 * a demo coach's profile, the directory's first page, a text search, that coach's free times for
 * 30 days and her bookings. Each request runs for 2 s of warm-up and 10 s measured, in 3 rounds;
 * the table gives the median requests/s, the median of each round's ratio to `/health`, the median
 * of the rounds' p99, and whether each goal is met. Any answer that is not 2xx is counted (there
 * must be none). Per request also the server's CPU (all its threads), how long its main thread
 * waited for its core while other processes ran there, and the load generator's CPU, as shares of
 * the measured time: a server below about 90 % that did not wait was not the limit.
 *
 *   npm run bench:api
 *   BENCH_SECONDS=5 BENCH_ROUNDS=1 BENCH_REQUESTS=health,slots npm run bench:api
 *   BENCH_CPU_PROF=/tmp/prof npm run bench:api   # then: npx tsx bench/profile-top.ts /tmp/prof
 *
 * Knobs: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_ROUNDS (3), BENCH_CONNECTIONS (10),
 * BENCH_REQUESTS (ids of the table, comma-separated; `health` is always measured),
 * BENCH_CPU_PROF=<dir> (the server runs with --cpu-prof; the bench writes the time window of each
 * measured request next to the profile so that profile-top.ts can split it per request),
 * BENCH_SERVER_FLAGS (more Node flags for the server).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  canPin,
  describeCommit,
  loadAverage,
  pinSelf,
  startProductServer,
  type ProductServer,
} from './lib/product-server.js';
import { DEMO_CLIENT_EMAIL, findDemoCoach, json, signIn } from './lib/demo-api.js';
import { median, printTable } from './lib/stats.js';

const env = process.env;
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(env.BENCH_WARMUP_SECONDS ?? 2);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 10);
const SERVER_CORE = 0;
const LOAD_CORE = 1;
const P99_GOAL_MS = 50;
const SLOT_DAYS = 30;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface Target {
  id: string;
  label: string;
  /** Least share of `/health`'s requests/s in the same round; null: the reference itself. */
  goalRatio: number | null;
  /** The issue's measurement, for comparison. */
  issueRatio: number | null;
  signedIn: boolean;
  path: string;
}

interface Fixture {
  coachId: string;
  sessionTypeId: string;
  slotsFrom: string;
  slotsTo: string;
}

function targets(fixture: Fixture): Target[] {
  const { coachId, sessionTypeId, slotsFrom, slotsTo } = fixture;
  const slotsQuery = new URLSearchParams({
    sessionTypeId,
    from: slotsFrom,
    to: slotsTo,
    timeZone: 'Europe/Berlin',
  });
  const target = (
    id: string,
    label: string,
    urlPath: string,
    goalRatio: number | null,
    issueRatio: number | null,
    signedIn = false,
  ): Target => ({ id, label, path: urlPath, goalRatio, issueRatio, signedIn });
  return [
    target('health', 'GET /health', '/health', null, 1),
    target('me', 'GET /api/users/me (signed in)', '/api/users/me', 0.5, 0.097, true),
    target('coach', 'GET /api/coaches/:id', `/api/coaches/${coachId}`, 0.35, 0.074),
    target('directory', 'GET /api/coaches?limit=12', '/api/coaches?limit=12', 0.25, 0.055),
    target(
      'search',
      'GET /api/coaches?q=leadership&language=de',
      '/api/coaches?q=leadership&language=de',
      0.25,
      0.107,
    ),
    target(
      'slots',
      `GET /api/coaches/:id/slots (${SLOT_DAYS} days)`,
      `/api/coaches/${coachId}/slots?${slotsQuery.toString()}`,
      0.2,
      0.05,
    ),
    target(
      'bookings',
      'GET /api/bookings?role=client',
      '/api/bookings?role=client',
      0.25,
      0.062,
      true,
    ),
  ];
}

interface Run {
  perSecond: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Shares of the measured wall time: 1 = one core fully busy (or waited for). */
  serverCpu: number;
  serverWait: number;
  loadCpu: number;
}

interface Window {
  label: string;
  round: number;
  startUs: number;
  endUs: number;
}

/** The same clock as V8's CPU profiles (CLOCK_MONOTONIC, microseconds). */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

async function findFixture(baseUrl: string): Promise<Fixture> {
  const coachId = await findDemoCoach(baseUrl);
  const sessionTypes = await json<{ _id: string; active: boolean }[]>(
    await fetch(`${baseUrl}/api/coaches/${coachId}/session-types`),
    'GET /api/coaches/:userId/session-types',
  );
  const sessionType = sessionTypes.find((type) => type.active);
  if (!sessionType) throw new Error(`coach ${coachId} has no active session type`);
  // From the next full hour: the same range for every round of this run.
  const from = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS;
  return {
    coachId,
    sessionTypeId: sessionType._id,
    slotsFrom: new Date(from).toISOString(),
    slotsTo: new Date(from + SLOT_DAYS * DAY_MS).toISOString(),
  };
}

/** One answer before the load, so that a wrong URL fails loudly instead of measuring a 4xx. */
async function describeAnswer(baseUrl: string, target: Target, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}${target.path}`, {
    headers: target.signedIn ? { authorization: `Bearer ${token}` } : {},
  });
  const body = await json<unknown>(response, target.label);
  const bytes = JSON.stringify(body).length;
  const record = (body ?? {}) as { items?: unknown[]; total?: number; slots?: unknown[] };
  const parts = [`${bytes.toLocaleString('en-US')} bytes`];
  if (Array.isArray(record.items)) parts.push(`${record.items.length} of ${record.total} items`);
  if (Array.isArray(record.slots)) parts.push(`${record.slots.length} slots`);
  return parts.join(', ');
}

async function hammer(url: string, headers: Record<string, string>, seconds: number) {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
}

async function measure(server: ProductServer, target: Target, token: string): Promise<Run> {
  const url = `${server.baseUrl}${target.path}`;
  const headers: Record<string, string> = target.signedIn
    ? { authorization: `Bearer ${token}` }
    : {};
  if (WARMUP_SECONDS > 0) await hammer(url, headers, WARMUP_SECONDS);
  const before = { server: server.usage(), load: process.cpuUsage(), wall: performance.now() };
  const result = await hammer(url, headers, SECONDS);
  const wallMs = performance.now() - before.wall;
  const after = server.usage();
  const load = process.cpuUsage(before.load);
  return {
    perSecond: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    serverCpu: (after.cpuMs - before.server.cpuMs) / wallMs,
    serverWait: (after.waitMs - before.server.waitMs) / wallMs,
    loadCpu: (load.user + load.system) / 1000 / wallMs,
  };
}

const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
const percent = (share: number) => (Number.isNaN(share) ? '-' : `${(share * 100).toFixed(0)} %`);

function report(list: Target[], runs: Map<string, Run[]>): { missed: number; failed: number } {
  const health = runs.get('health') ?? [];
  let missed = 0;
  let failed = 0;
  const rows = list.map((target) => {
    const own = runs.get(target.id) ?? [];
    const ratios = own.map((run, round) => run.perSecond / (health[round]?.perSecond ?? NaN));
    const ratio = median(ratios);
    const p99 = median(own.map((run) => run.p99));
    const non2xx = own.reduce((sum, run) => sum + run.non2xx, 0);
    const errors = own.reduce((sum, run) => sum + run.errors, 0);
    const ratioMet = target.goalRatio === null || ratio >= target.goalRatio;
    const p99Met = p99 <= P99_GOAL_MS;
    if (!ratioMet || !p99Met) missed += 1;
    if (non2xx + errors > 0) failed += 1;
    const goal = target.goalRatio === null ? `p99 <= ${P99_GOAL_MS}` : `>= ${target.goalRatio}`;
    const verdict = [
      target.goalRatio === null ? null : ratioMet ? 'ratio met' : 'ratio MISSED',
      p99Met ? 'p99 met' : 'p99 MISSED',
    ]
      .filter(Boolean)
      .join(', ');
    return [
      target.label,
      thousands(median(own.map((run) => run.perSecond))),
      ratio.toFixed(3),
      String(p99),
      goal,
      verdict,
      own.map((run) => thousands(run.perSecond)).join(' / '),
      target.issueRatio === null ? '-' : target.issueRatio.toFixed(3),
      `${percent(median(own.map((run) => run.serverCpu)))} / ` +
        `${percent(median(own.map((run) => run.serverWait)))} / ` +
        percent(median(own.map((run) => run.loadCpu))),
      `${non2xx} / ${errors}`,
    ];
  });
  printTable(
    [
      'request',
      'req/s',
      'ratio to /health',
      'p99 ms',
      'goal',
      'verdict',
      'req/s per round',
      'issue ratio',
      'server CPU / waited / load gen CPU',
      'non-2xx / errors',
    ],
    rows,
  );
  return { missed, failed };
}

async function main(): Promise<void> {
  const pinned = canPin();
  const cpuProfileDir = env.BENCH_CPU_PROF;
  const nodeFlags = (env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  console.log(`commit ${describeCommit()}, Node ${process.version}`);
  console.log(`load average at start: ${loadAverage()}`);
  let server: ProductServer | undefined;
  const windows: Window[] = [];
  try {
    server = await startProductServer({
      ...(pinned ? { core: SERVER_CORE } : {}),
      ...(cpuProfileDir ? { cpuProfileDir } : {}),
      nodeFlags,
    });
    const loadPinned = pinned && pinSelf(LOAD_CORE);
    console.log(
      `server pid ${server.pid} on ${server.baseUrl}, cores ${server.affinity()}; ` +
        `load generator ${loadPinned ? `on core ${LOAD_CORE}` : 'NOT pinned (no taskset)'}`,
    );
    const fixture = await findFixture(server.baseUrl);
    const wanted = new Set(['health', ...(env.BENCH_REQUESTS ?? '').split(',').filter(Boolean)]);
    const list = targets(fixture).filter((target) => !env.BENCH_REQUESTS || wanted.has(target.id));
    let token = await signIn(server.baseUrl);
    console.log(
      `signed in as ${DEMO_CLIENT_EMAIL}; coach ${fixture.coachId}, session type ` +
        `${fixture.sessionTypeId}, slots ${fixture.slotsFrom} .. ${fixture.slotsTo}`,
    );
    for (const target of list) {
      console.log(`  ${target.label}: ${await describeAnswer(server.baseUrl, target, token)}`);
    }
    console.log(
      `\n${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per request, ` +
        `${ROUNDS} rounds\n`,
    );

    const runs = new Map<string, Run[]>(list.map((target) => [target.id, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      // A fresh access token per round: they last 15 minutes.
      if (round > 0) token = await signIn(server.baseUrl);
      for (const target of list) {
        const startUs = monotonicUs();
        const run = await measure(server, target, token);
        windows.push({ label: target.id, round, startUs, endUs: monotonicUs() });
        runs.get(target.id)?.push(run);
        console.log(
          `round ${round + 1} ${target.label}: ${thousands(run.perSecond)} req/s, p99 ` +
            `${run.p99} ms, server CPU ${percent(run.serverCpu)} (waited ${percent(run.serverWait)}), ` +
            `load generator CPU ${percent(run.loadCpu)}` +
            (run.non2xx + run.errors > 0 ? `, ${run.non2xx} non-2xx, ${run.errors} errors` : ''),
        );
      }
    }
    console.log(`\nload average at end: ${loadAverage()}\n`);
    const { missed, failed } = report(list, runs);
    console.log(
      `\n${list.length - missed} of ${list.length} rows meet their goals` +
        (failed > 0 ? `; ${failed} rows had answers that were not 2xx: the figures are void` : ''),
    );
    if (failed > 0) process.exitCode = 1;
  } finally {
    const pid = server?.pid;
    await server?.stop();
    if (cpuProfileDir && pid) {
      const file = path.join(cpuProfileDir, `api-bench.${pid}.windows.json`);
      await writeFile(file, JSON.stringify(windows, null, 1));
      console.log(`CPU profile of server pid ${pid} in ${cpuProfileDir} (windows: ${file})`);
    }
  }
}

await main();
