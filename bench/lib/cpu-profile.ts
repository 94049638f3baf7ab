/**
 * Self time of a V8 CPU profile (`node --cpu-prof`), by function and by package, optionally
 * within a time window (V8 stamps samples with CLOCK_MONOTONIC in microseconds, the clock of
 * `process.hrtime`, so a bench in another process can mark the windows it measured).
 */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FrameTime {
  functionName: string;
  /** Where it is, shortened: `node_modules/mongoose/lib/document.js:123`. */
  location: string;
  group: string;
  selfUs: number;
}

export interface SelfTime {
  /** Everything sampled in the window but `(idle)`, in microseconds. */
  busyUs: number;
  idleUs: number;
  frames: FrameTime[];
  groups: { group: string; selfUs: number }[];
}

const NODE_MODULES = 'node_modules/';

/** The package (or part of this repository) a function belongs to. */
export function groupOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8 and native (program)';
    return 'V8 and native (builtins)';
  }
  if (url.startsWith('node:')) return 'Node core';
  const at = url.lastIndexOf(NODE_MODULES);
  if (at >= 0) {
    const parts = url.slice(at + NODE_MODULES.length).split('/');
    const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? '?');
    // Workspace packages reached through node_modules symlinks (not the case with realpaths).
    if (name === '@coachhub/memory-mongo') return 'memory-mongo';
    if (name === '@coachhub/shared') return 'shared';
    // The driver and Mongoose require() bson; memory-mongo, an ES module, imports it.
    if (name === 'bson')
      return url.endsWith('.mjs') ? 'bson (ESM: memory-mongo)' : 'bson (CJS: driver)';
    return name;
  }
  if (url.includes('/tools/memory-mongo/')) return 'memory-mongo';
  if (url.includes('/server/dist/') || url.includes('/server/src/')) return 'server code';
  if (url.includes('/shared/')) return 'shared';
  return 'other';
}

/** Groups gathered into the layers a request goes through. */
const FAMILIES: Record<string, string[]> = {
  'memory-mongo engine (+ mingo)': ['memory-mongo', 'mingo', 'bson (ESM: memory-mongo)'],
  'mongodb driver (+ its bson)': ['mongodb', 'bson (CJS: driver)'],
  'mongoose (+ mquery, kareem, mpath, sift)': ['mongoose', 'mquery', 'kareem', 'mpath', 'sift'],
  'express (+ router, middleware)': [
    'express',
    'router',
    'body-parser',
    'cookie-parser',
    'helmet',
    'cors',
    'parseurl',
    'path-to-regexp',
    'content-type',
    'type-is',
    'etag',
    'fresh',
    'on-finished',
    'mime-types',
    'send',
    'serve-static',
    'finalhandler',
    'qs',
    'raw-body',
    'depd',
    'debug',
  ],
  'express-validator (+ validator, lodash)': ['express-validator', 'validator', 'lodash'],
  'winston request log (+ logform, fecha, colors)': [
    'winston',
    'winston-transport',
    'logform',
    'fecha',
    '@colors/colors',
    'readable-stream',
    'triple-beam',
    'safe-stable-stringify',
  ],
  'jsonwebtoken (+ jws, jwa)': ['jsonwebtoken', 'jws', 'jwa'],
  'server code (+ shared)': ['server code', 'shared'],
  GC: ['GC'],
  'Node core and V8 builtins': ['Node core', 'V8 and native (builtins)', 'V8 and native (program)'],
};

const FAMILY_OF = new Map(
  Object.entries(FAMILIES).flatMap(([family, groups]) => groups.map((group) => [group, family])),
);

/** The layer a group belongs to; a group of no layer stands for itself. */
export function familyOf(group: string): string {
  return FAMILY_OF.get(group) ?? group;
}

/** Self time per layer (see FAMILIES), largest first. */
export function byFamily(groups: SelfTime['groups']): SelfTime['groups'] {
  const totals = new Map<string, number>();
  for (const { group, selfUs } of groups) {
    const family = familyOf(group);
    totals.set(family, (totals.get(family) ?? 0) + selfUs);
  }
  return [...totals]
    .map(([group, selfUs]) => ({ group, selfUs }))
    .sort((a, b) => b.selfUs - a.selfUs);
}

function shorten(url: string): string {
  const at = url.lastIndexOf(NODE_MODULES);
  if (at >= 0) return url.slice(at);
  for (const marker of ['/tools/memory-mongo/', '/server/', '/shared/']) {
    const found = url.indexOf(marker);
    if (found >= 0) return url.slice(found + 1);
  }
  return url.replace(/^file:\/\//, '');
}

/** Self time per function and per group, of the samples in [fromUs, toUs] (all when omitted). */
export function selfTime(profile: CpuProfile, fromUs = -Infinity, toUs = Infinity): SelfTime {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const frames = new Map<string, FrameTime>();
  const groups = new Map<string, number>();
  let busyUs = 0;
  let idleUs = 0;
  let at = profile.startTime;
  for (let index = 0; index < profile.samples.length; index += 1) {
    at += profile.timeDeltas[index] ?? 0;
    if (at < fromUs || at > toUs) continue;
    // A sample stands for the time until the next one.
    const next = profile.timeDeltas[index + 1] ?? 0;
    const frame = byId.get(profile.samples[index] ?? -1);
    if (!frame || next <= 0) continue;
    const group = groupOf(frame);
    if (group === 'idle') {
      idleUs += next;
      continue;
    }
    busyUs += next;
    groups.set(group, (groups.get(group) ?? 0) + next);
    const location = frame.url
      ? `${shorten(frame.url)}:${frame.lineNumber + 1}`
      : frame.functionName;
    const key = `${frame.functionName}@${location}`;
    const entry = frames.get(key) ?? {
      functionName: frame.functionName || '(anonymous)',
      location,
      group,
      selfUs: 0,
    };
    entry.selfUs += next;
    frames.set(key, entry);
  }
  return {
    busyUs,
    idleUs,
    frames: [...frames.values()].sort((a, b) => b.selfUs - a.selfUs),
    groups: [...groups]
      .map(([group, us]) => ({ group, selfUs: us }))
      .sort((a, b) => b.selfUs - a.selfUs),
  };
}
