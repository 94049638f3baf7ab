/**
 * The production build's JavaScript as a browser receives it (`client/dist`, gzip at zlib's
 * default level, as Vite's own build report): the initial JS (the entry script of index.html and
 * every chunk it preloads with `modulepreload`), and every other chunk with what opening it adds
 * (itself plus the chunks it imports statically that the initial JS does not already hold). Also
 * whether the German strings travel with the initial JS: a few German-only sentences of
 * `client/src/lib/i18n/locales/de.ts` are looked for in each chunk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTable } from './stats.js';

export interface ChunkSize {
  /** Path under dist, e.g. `assets/coach-profile-page-AbC123.js`. */
  file: string;
  bytes: number;
  gzip: number;
}

export interface LazyChunk extends ChunkSize {
  /** This chunk and its static imports not in the initial JS, gzip bytes. */
  openingGzip: number;
  /** How many of the German sample strings it holds. */
  germanHits: number;
}

export interface BundleReport {
  initial: ChunkSize[];
  initialGzip: number;
  lazy: LazyChunk[];
  /** How many German sample strings the initial JS holds (English is the default language). */
  germanInInitial: number;
  /** How many German-only sample strings were looked for (0: the check could not run). */
  germanSamples: number;
}

/** Goal of the performance issue: initial JS at most 150 KB gzip (read as 150,000 bytes). */
export const INITIAL_JS_GOAL_BYTES = 150_000;

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

function size(distDir: string, file: string): ChunkSize {
  const content = readFileSync(path.join(distDir, file));
  return { file, bytes: content.length, gzip: gzipSync(content).length };
}

/** `/assets/x.js` in index.html -> `assets/x.js`. */
function distPath(href: string): string {
  return href.replace(/^\//, '');
}

/** The chunks a chunk imports statically (`import ... from "./x.js"`), as dist paths. */
function staticImports(distDir: string, file: string): string[] {
  const code = readFileSync(path.join(distDir, file), 'utf8');
  return [...code.matchAll(STATIC_IMPORT)].map((match) =>
    path.posix.join(path.posix.dirname(file), match[1] as string),
  );
}

function closure(distDir: string, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(distDir, file));
  }
  return seen;
}

/**
 * German-only sentences of the locale file: single-quoted ASCII values of 24+ characters that the
 * English file does not contain (the minifier keeps ASCII strings as they are).
 */
function germanSamples(localesDir: string): string[] {
  try {
    const de = readFileSync(path.join(localesDir, 'de.ts'), 'utf8');
    const en = readFileSync(path.join(localesDir, 'en.ts'), 'utf8');
    const values = [...de.matchAll(/'([A-Za-z ,.]{24,})'/g)].map((match) => match[1] as string);
    return [...new Set(values)].filter((value) => !en.includes(value)).slice(0, 12);
  } catch {
    return [];
  }
}

export function measureBundle(clientDir: string): BundleReport {
  const distDir = path.join(clientDir, 'dist');
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((match) =>
    distPath(match[1] as string),
  );
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
    (match) => distPath(match[1] as string),
  );
  const initialFiles = [...new Set([...entries, ...preloads])];
  // What the entry imports statically is fetched before the app runs, preloaded or not.
  const initialSet = closure(distDir, initialFiles);
  const initial = [...initialSet].map((file) => size(distDir, file));

  const samples = germanSamples(path.join(clientDir, 'src', 'lib', 'i18n', 'locales'));
  const germanIn = (files: string[]) => {
    const code = files.map((file) => readFileSync(path.join(distDir, file), 'utf8')).join('\n');
    return samples.filter((sample) => code.includes(sample)).length;
  };

  const assets = readdirSync(path.join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
  const lazy = assets
    .filter((file) => !initialSet.has(file))
    .map((file): LazyChunk => {
      const own = size(distDir, file);
      const added = [...closure(distDir, [file])].filter((dep) => !initialSet.has(dep));
      return {
        ...own,
        openingGzip: added.reduce((sum, dep) => sum + size(distDir, dep).gzip, 0),
        germanHits: germanIn([file]),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
  return {
    initial: initial.sort((a, b) => b.gzip - a.gzip),
    initialGzip: initial.reduce((sum, chunk) => sum + chunk.gzip, 0),
    lazy,
    germanInInitial: germanIn([...initialSet]),
    germanSamples: samples.length,
  };
}

/** kB of 1,000 bytes, as Vite's build report. */
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Prints the report; true when the initial JS meets its goal and holds no German strings. */
export function printBundle(report: BundleReport): boolean {
  console.log(
    'Initial JS (the entry script of index.html, its modulepreloads and static imports):',
  );
  printTable(
    ['file', 'bytes', 'gzip'],
    report.initial.map((chunk) => [chunk.file, kb(chunk.bytes), kb(chunk.gzip)]),
  );
  const met = report.initialGzip <= INITIAL_JS_GOAL_BYTES;
  console.log(
    `initial JS: ${kb(report.initialGzip)} gzip (goal <= ${kb(INITIAL_JS_GOAL_BYTES)}: ` +
      `${met ? 'met' : 'MISSED'})\n`,
  );
  console.log('Chunks loaded later (gzip; "opening" adds its static imports not yet loaded):');
  printTable(
    ['file', 'gzip', 'opening', 'German strings'],
    report.lazy.map((chunk) => [
      chunk.file,
      kb(chunk.gzip),
      kb(chunk.openingGzip),
      chunk.germanHits > 0 ? `${chunk.germanHits} of ${report.germanSamples}` : '-',
    ]),
  );
  const german =
    report.germanSamples === 0
      ? 'German strings: could not be checked (no sample from de.ts)'
      : `German strings in the initial JS: ${report.germanInInitial} of ${report.germanSamples} ` +
        `samples (goal: only the active language's strings loaded: ` +
        `${report.germanInInitial === 0 ? 'met' : 'MISSED'})`;
  console.log(`\n${german}`);
  return met && report.germanInInitial === 0;
}
