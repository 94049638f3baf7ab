/**
 * Lighthouse 12.2.3 (mobile, its default simulated throttling) on the production build as
 * `npm start` serves it (lib/product-server.ts: the built server serving `client/dist`, the
 * embedded database and the demo data), in Debian's Chromium (headless): the landing page `/`, the
 * directory `/coaches` and a demo coach's profile `/coaches/<id>`, 3 runs each, the median of each
 * figure. Prints performance, accessibility, LCP, CLS and TBT per page against the goals, then the
 * JavaScript sizes of the build (lib/bundle.ts, as `npm run bench:bundle`). The server and Chromium
 * are not pinned: they share the machine's two cores as a browser and a local server would;
 * Lighthouse's simulation scales the CPU time it observes, so a loaded machine lowers the scores
 * (the load average is printed at the start and the end, and Lighthouse's own CPU benchmark index).
 * Installs nothing: Chromium comes from Debian (`apt-get install -y chromium`).
 *
 *   npm run bench:lighthouse
 *   BENCH_RUNS=1 BENCH_PAGES=landing npm run bench:lighthouse
 *
 * Knobs: BENCH_RUNS (3), BENCH_PAGES (landing,directory,profile), CHROMIUM_PATH
 * (/usr/bin/chromium).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { measureBundle, printBundle } from './lib/bundle.js';
import { findDemoCoach } from './lib/demo-api.js';
import {
  describeCommit,
  loadAverage,
  REPO_ROOT,
  startProductServer,
  type ProductServer,
} from './lib/product-server.js';
import { median, printTable } from './lib/stats.js';

const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 3);
const CHROMIUM_PATH = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const GOALS = { performance: 95, accessibility: 100, lcpMs: 2000, cls: 0.05 };
/** Keeps Chromium off the network this machine does not have, as the e2e journeys do. */
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

interface Figures {
  performance: number;
  accessibility: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  fcpMs: number;
  benchmarkIndex: number;
}

/** Runtime errors Lighthouse itself answers with "Please run Lighthouse again": a lost trace. */
const RETRIED_ERRORS = new Set(['NO_NAVSTART', 'NO_TRACING_STARTED']);
const ATTEMPTS = 3;

async function audit(port: number, url: string, attempt = 1): Promise<Figures> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) {
    const { code, message } = lhr.runtimeError;
    if (RETRIED_ERRORS.has(code) && attempt < ATTEMPTS) {
      // The run measured nothing: it is repeated, and said so, never counted.
      console.log(`${url}: ${code} (a lost trace), run again`);
      return audit(port, url, attempt + 1);
    }
    throw new Error(`${url}: ${message}`);
  }
  const numeric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    if (value === undefined) throw new Error(`${url}: no ${id} in the report`);
    return value;
  };
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcpMs: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    tbtMs: numeric('total-blocking-time'),
    fcpMs: numeric('first-contentful-paint'),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function medianOf(runs: Figures[]): Figures {
  const pick = (key: keyof Figures) => median(runs.map((run) => run[key]));
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    lcpMs: pick('lcpMs'),
    cls: pick('cls'),
    tbtMs: pick('tbtMs'),
    fcpMs: pick('fcpMs'),
    benchmarkIndex: pick('benchmarkIndex'),
  };
}

function verdict(figures: Figures): string {
  const missed = [
    figures.performance < GOALS.performance ? 'performance' : null,
    figures.accessibility < GOALS.accessibility ? 'accessibility' : null,
    figures.lcpMs > GOALS.lcpMs ? 'LCP' : null,
    figures.cls > GOALS.cls ? 'CLS' : null,
  ].filter(Boolean);
  return missed.length === 0 ? 'all met' : `MISSED: ${missed.join(', ')}`;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  if (!existsSync(path.join(REPO_ROOT, 'client', 'dist', 'index.html'))) {
    throw new Error(
      'client/dist is not built: run `npm run build` (npm run bench:lighthouse does)',
    );
  }
  console.log(`commit ${describeCommit()}, Node ${process.version}`);
  console.log(`load average at start: ${loadAverage()}`);
  let server: ProductServer | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    server = await startProductServer();
    const coachId = await findDemoCoach(server.baseUrl);
    const allPages = [
      { id: 'landing', label: 'landing /', path: '/' },
      { id: 'directory', label: 'directory /coaches', path: '/coaches' },
      { id: 'profile', label: 'coach profile /coaches/:id', path: `/coaches/${coachId}` },
    ];
    const wanted = env.BENCH_PAGES?.split(',');
    const pages = allPages.filter((page) => !wanted || wanted.includes(page.id));
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: CHROMIUM_FLAGS,
    });
    console.log(
      `server ${server.baseUrl} (not pinned), Chromium ${CHROMIUM_PATH} on port ${chrome.port}, ` +
        `Lighthouse 12 mobile (simulated throttling), ${RUNS} runs per page\n`,
    );
    const rows: string[][] = [];
    for (const page of pages) {
      const runs: Figures[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const figures = await audit(chrome.port, `${server.baseUrl}${page.path}`);
        runs.push(figures);
        console.log(
          `${page.label} run ${run + 1}: performance ${figures.performance}, accessibility ` +
            `${figures.accessibility}, LCP ${seconds(figures.lcpMs)}, CLS ` +
            `${figures.cls.toFixed(3)}, TBT ${figures.tbtMs.toFixed(0)} ms, benchmark index ` +
            `${figures.benchmarkIndex.toFixed(0)}`,
        );
      }
      const figures = medianOf(runs);
      rows.push([
        page.label,
        String(figures.performance),
        String(figures.accessibility),
        seconds(figures.fcpMs),
        seconds(figures.lcpMs),
        figures.cls.toFixed(3),
        `${figures.tbtMs.toFixed(0)} ms`,
        figures.benchmarkIndex.toFixed(0),
        verdict(figures),
      ]);
    }
    console.log(`\nload average at end: ${loadAverage()}\n`);
    console.log(
      `Medians of ${RUNS} runs. Goals: performance >= ${GOALS.performance}, accessibility ` +
        `${GOALS.accessibility}, LCP <= ${seconds(GOALS.lcpMs)}, CLS <= ${GOALS.cls}\n`,
    );
    printTable(
      [
        'page',
        'performance',
        'accessibility',
        'FCP',
        'LCP',
        'CLS',
        'TBT',
        'benchmark index',
        'verdict',
      ],
      rows,
    );
    console.log('');
    printBundle(measureBundle(path.join(REPO_ROOT, 'client')));
  } finally {
    chrome?.kill();
    await server?.stop();
  }
}

await main();
