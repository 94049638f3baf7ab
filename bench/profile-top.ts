/**
 * Top frames by self time of a server CPU profile, grouped by layer (the memory-mongo engine with
 * mingo, its query library, the mongodb driver, Mongoose, express and its middleware,
 * express-validator, the request log, server code, GC, Node core) and by package (packages under
 * 0.5 % of the busy time are left out of that table); bson counts with the driver or the engine
 * by which of its builds ran (the driver requires the CommonJS one, memory-mongo imports the ESM). Given the folder `BENCH_CPU_PROF` pointed `npm run bench:api` at
 * (or one .cpuprofile in it), it splits the profile by the windows the bench wrote next to it
 * (`api-bench.<pid>.windows.json`), one block per measured request (its rounds together, warm-up
 * included); without windows it reports the whole profile.
 *
 *   npx tsx bench/profile-top.ts /tmp/prof [--top 20] [--only slots,directory]
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { byFamily, selfTime, type CpuProfile, type SelfTime } from './lib/cpu-profile.js';
import { printTable } from './lib/stats.js';

interface Window {
  label: string;
  round: number;
  startUs: number;
  endUs: number;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const TOP = Number(option('--top') ?? 20);
const ONLY = option('--only')?.split(',');

async function profilesIn(target: string): Promise<string[]> {
  if (target.endsWith('.cpuprofile')) return [target];
  const names = (await readdir(target)).filter((name) => name.endsWith('.cpuprofile'));
  return names.sort().map((name) => path.join(target, name));
}

/** The pid in V8's file name: CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile. */
async function windowsFor(file: string): Promise<Window[]> {
  const pid = path.basename(file).split('.')[3];
  try {
    const text = await readFile(path.join(path.dirname(file), `api-bench.${pid}.windows.json`));
    return JSON.parse(text.toString()) as Window[];
  } catch {
    return [];
  }
}

const ms = (us: number) => (us / 1000).toFixed(0);
const share = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;

function print(title: string, time: SelfTime): void {
  const wall = time.busyUs + time.idleUs;
  console.log(
    `\n## ${title}: busy ${ms(time.busyUs)} ms of ${ms(wall)} ms sampled (${share(time.busyUs, wall)})\n`,
  );
  printTable(
    ['layer', 'self ms', 'share of busy'],
    byFamily(time.groups).map((entry) => [
      entry.group,
      ms(entry.selfUs),
      share(entry.selfUs, time.busyUs),
    ]),
  );
  console.log('');
  printTable(
    ['package', 'self ms', 'share of busy'],
    time.groups
      .filter((entry) => entry.selfUs >= time.busyUs / 200)
      .map((entry) => [entry.group, ms(entry.selfUs), share(entry.selfUs, time.busyUs)]),
  );
  console.log('');
  printTable(
    ['function', 'group', 'self ms', 'share', 'where'],
    time.frames
      .slice(0, TOP)
      .map((frame) => [
        frame.functionName,
        frame.group,
        ms(frame.selfUs),
        share(frame.selfUs, time.busyUs),
        frame.location,
      ]),
  );
}

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target || target.startsWith('--')) {
    console.error(
      'usage: npx tsx bench/profile-top.ts <dir or .cpuprofile> [--top N] [--only a,b]',
    );
    process.exit(2);
  }
  for (const file of await profilesIn(target)) {
    const profile = JSON.parse((await readFile(file)).toString()) as CpuProfile;
    const windows = await windowsFor(file);
    console.log(`# ${file}`);
    if (windows.length === 0) {
      print('whole profile', selfTime(profile));
      continue;
    }
    const labels = [...new Set(windows.map((window) => window.label))].filter(
      (label) => !ONLY || ONLY.includes(label),
    );
    for (const label of labels) {
      const own = windows.filter((window) => window.label === label);
      const parts = own.map((window) => selfTime(profile, window.startUs, window.endUs));
      print(label, merge(parts));
    }
  }
}

/** Self times of several windows added up. */
function merge(parts: SelfTime[]): SelfTime {
  const frames = new Map<string, SelfTime['frames'][number]>();
  const groups = new Map<string, number>();
  let busyUs = 0;
  let idleUs = 0;
  for (const part of parts) {
    busyUs += part.busyUs;
    idleUs += part.idleUs;
    for (const entry of part.groups) {
      groups.set(entry.group, (groups.get(entry.group) ?? 0) + entry.selfUs);
    }
    for (const frame of part.frames) {
      const key = `${frame.functionName}@${frame.location}`;
      const known = frames.get(key);
      if (known) known.selfUs += frame.selfUs;
      else frames.set(key, { ...frame });
    }
  }
  return {
    busyUs,
    idleUs,
    frames: [...frames.values()].sort((a, b) => b.selfUs - a.selfUs),
    groups: [...groups]
      .map(([group, selfUs]) => ({ group, selfUs }))
      .sort((a, b) => b.selfUs - a.selfUs),
  };
}

await main();
