/**
 * The main thread's long tasks while a server-rendered page loads and hydrates: the production
 * build as `npm start` serves it (lib/product-server.ts), each page opened in a fresh context of
 * Debian's Chromium (headless, a 412 px mobile viewport) with the CPU throttled 4x as Lighthouse
 * assumes, a Chromium trace recorded until the network is idle. Prints per load the long tasks
 * (over 50 ms) by wall time and by thread time (CPU: what a loaded machine inflates less), the
 * blocking time over 50 ms and the main thread's busy time, each long task with what ran in it;
 * and the API requests the page made. Lighthouse's scores swing with the machine's load; counting
 * long tasks in a trace is the steadier before/after comparison. Needs `npm run build` first.
 *
 *   npx tsx bench/page-trace.ts
 *   BENCH_RUNS=3 BENCH_PAGES=directory,profile npx tsx bench/page-trace.ts
 *
 * Knobs: BENCH_RUNS (3), BENCH_PAGES (landing,directory,profile), CHROMIUM_PATH
 * (/usr/bin/chromium), TRACE_DIR (writes each trace and a V8 CPU profile there, for DevTools).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findDemoCoach } from './lib/demo-api.js';
import { describeCommit, loadAverage, startProductServer } from './lib/product-server.js';

const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 3);
const CHROMIUM_PATH = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LONG_TASK_US = 50_000;
/** Trace events that say what a long task was doing. */
const WORK_EVENTS = new Set([
  'EvaluateScript',
  'v8.evaluateModule',
  'FunctionCall',
  'TimerFire',
  'RunMicrotasks',
  'ParseHTML',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'MajorGC',
  'MinorGC',
]);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

const ms = (us: number | undefined) => ((us ?? 0) / 1000).toFixed(0);

/** The renderer's main thread that worked most: the page's (not a blank tab's). */
function mainThreadTasks(events: TraceEvent[]): TraceEvent[] {
  const tasksOf = (thread: TraceEvent) =>
    events.filter(
      (e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'RunTask' && e.ph === 'X',
    );
  const busy = (thread: TraceEvent) => tasksOf(thread).reduce((sum, t) => sum + (t.dur ?? 0), 0);
  const threads = events.filter(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const main = threads.sort((a, b) => busy(b) - busy(a))[0];
  return main ? tasksOf(main).sort((a, b) => a.ts - b.ts) : [];
}

function describeTask(task: TraceEvent, events: TraceEvent[]): string {
  const end = task.ts + (task.dur ?? 0);
  const inside = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.pid === task.pid &&
      e.tid === task.tid &&
      e.ts >= task.ts &&
      e.ts < end &&
      WORK_EVENTS.has(e.name) &&
      (e.dur ?? 0) > 5_000,
  );
  const parts = inside.slice(0, 6).map((e) => {
    const file = e.args?.data?.url?.split('/').at(-1);
    return `${e.name}${file ? ` (${file})` : ''} ${ms(e.dur)}`;
  });
  return `    ${ms(task.dur)} ms (CPU ${ms(task.tdur)}): ${parts.join(', ')}`;
}

const blocking = (durations: number[]) =>
  durations.filter((d) => d > LONG_TASK_US).reduce((sum, d) => sum + d - LONG_TASK_US, 0);

async function main(): Promise<void> {
  console.log(`commit ${describeCommit()}, load average at start: ${loadAverage()}`);
  const server = await startProductServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    const coachId = await findDemoCoach(server.baseUrl);
    const allPages = [
      { id: 'landing', path: '/' },
      { id: 'directory', path: '/coaches' },
      { id: 'profile', path: `/coaches/${coachId}` },
    ];
    const wanted = env.BENCH_PAGES?.split(',');
    for (const page of allPages.filter(({ id }) => !wanted || wanted.includes(id))) {
      const summary: string[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const context = await browser.newContext({
          viewport: { width: 412, height: 823 },
          deviceScaleFactor: 1.75,
          isMobile: true,
          hasTouch: true,
        });
        const tab = await context.newPage();
        const apiRequests: string[] = [];
        tab.on('request', (request) => {
          const url = new URL(request.url());
          if (url.pathname.startsWith('/api/')) apiRequests.push(url.pathname + url.search);
        });
        // A page of the same origin first, so the measured load stays in this (throttled) renderer.
        await tab.goto(`${server.baseUrl}/favicon.svg`);
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        if (env.TRACE_DIR) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.start');
        }
        await browser.startTracing(tab, {
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
        });
        await tab.goto(`${server.baseUrl}${page.path}`, { waitUntil: 'load' });
        await tab.waitForLoadState('networkidle');
        await tab.waitForTimeout(1500);
        const trace = await browser.stopTracing();
        if (env.TRACE_DIR) {
          const { profile } = await cdp.send('Profiler.stop');
          const base = path.join(env.TRACE_DIR, `${page.id}-${run + 1}`);
          writeFileSync(`${base}.cpuprofile`, JSON.stringify(profile));
          writeFileSync(`${base}.trace.json`, trace);
        }
        await context.close();

        const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
        const tasks = mainThreadTasks(events);
        const wall = tasks.map((t) => t.dur ?? 0);
        const cpu = tasks.map((t) => t.tdur ?? 0);
        const longByWall = tasks.filter((t) => (t.dur ?? 0) > LONG_TASK_US);
        const longByCpu = cpu.filter((d) => d > LONG_TASK_US);
        console.log(
          `${page.id} run ${run + 1}: by wall time ${longByWall.length} long tasks, blocking ` +
            `${ms(blocking(wall))} ms; by CPU time ${longByCpu.length} long tasks, blocking ` +
            `${ms(blocking(cpu))} ms, longest ${ms(Math.max(0, ...cpu))} ms; main thread busy ` +
            `${ms(wall.reduce((a, b) => a + b, 0))} ms`,
        );
        for (const task of longByWall) console.log(describeTask(task, events));
        if (apiRequests.length > 0) console.log(`    API requests: ${apiRequests.join(' ')}`);
        summary.push(`${longByCpu.length} / ${ms(blocking(cpu))} / ${ms(Math.max(0, ...cpu))} ms`);
      }
      console.log(
        `${page.id}: by CPU time, long tasks / blocking / longest per run: ${summary.join(', ')}\n`,
      );
    }
    console.log(`load average at end: ${loadAverage()}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
