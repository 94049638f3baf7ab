/**
 * The product as `npm start` runs it (`node server/dist/index.js`: development mode, the embedded
 * memory-mongo engine inside the server's process, the demo data seeded, the built SPA served when
 * `client/dist` exists), for the API and page benchmarks. What differs from a bare `npm start`,
 * so that a bench never collides with a running dev server and never measures a rate limiter:
 * a free port, an uploads folder of its own (the seed writes the coach pictures there), the API
 * and login rate limits off, and a clean environment (only PATH and HOME are passed on, so no
 * MONGODB_URI or LOG_LEVEL of the caller's shell changes what is measured). The engine is named
 * (EMBEDDED_DB=memory-mongo) rather than probed for, so a machine with a `mongod` measures the
 * same thing. Log lines go to a file in the bench's temporary folder (shown if the server fails).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_ENTRY = path.join(REPO_ROOT, 'server', 'dist', 'index.js');

/**
 * The Node flags the product runs with: those of `npm run serve -w server` (server/package.json),
 * so that a bench measures the server as it is started, never with flags of its own.
 */
export function productNodeFlags(): string[] {
  const manifest = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'server', 'package.json'), 'utf8'),
  ) as { scripts: { serve: string } };
  return manifest.scripts.serve.split(/\s+/).filter((word) => word.startsWith('--'));
}
const STARTUP_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

export interface ProductServerOptions {
  /** Runs the server (every thread it ever starts) on this core with `taskset`. */
  core?: number;
  /** Writes a V8 CPU profile of the server into this folder when it stops (`--cpu-prof`). */
  cpuProfileDir?: string;
  /** More Node flags for the server, e.g. `--trace-gc`. */
  nodeFlags?: string[];
}

export interface ProcessUsage {
  /** CPU time of every thread of the process (user + system), ms. */
  cpuMs: number;
  /** Time its main thread was ready to run but waited for a core (other processes), ms. */
  waitMs: number;
}

export interface ProductServer {
  baseUrl: string;
  pid: number;
  /** Cores the server's threads may run on, e.g. "0" (from /proc), per thread count. */
  affinity(): string;
  /** From /proc; NaN where there is none. */
  usage(): ProcessUsage;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Pins every thread of this process (and those it starts later) to one core; false if it cannot. */
export function pinSelf(core: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

export function canPin(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** "1.23 / 1.10 / 0.98" (1, 5 and 15 minutes). */
export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

/** The commit measured, with a note when the working tree has changes. */
export function describeCommit(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty=+uncommitted changes'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** Cores allowed per thread of a process, summarised, e.g. "0 (14 threads)". */
function threadAffinity(pid: number): string {
  try {
    const counts = new Map<string, number>();
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const status = readFileSync(`/proc/${pid}/task/${task}/status`, 'utf8');
      const cores = /Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? '?';
      counts.set(cores, (counts.get(cores) ?? 0) + 1);
    }
    return [...counts].map(([cores, count]) => `${cores} (${count} threads)`).join(', ');
  } catch {
    return 'unknown';
  }
}

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function processUsage(pid: number): ProcessUsage {
  try {
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const waitNs = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]);
    return { cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND, waitMs: waitNs / 1e6 };
  } catch {
    return { cpuMs: Number.NaN, waitMs: Number.NaN };
  }
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode}:\n${tail(logFile)}`);
    }
    try {
      if ((await fetch(`${baseUrl}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server was not ready within ${STARTUP_TIMEOUT_MS} ms:\n${tail(logFile)}`);
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The named variables of `env` that are set, to pass on to the server. */
function pick(env: NodeJS.ProcessEnv, ...names: string[]): Record<string, string> {
  return Object.fromEntries(
    names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]]])),
  );
}

/** Starts `server/dist/index.js` (built beforehand by the npm script) and waits for `/ready`. */
export async function startProductServer(
  options: ProductServerOptions = {},
): Promise<ProductServer> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'coachhub-bench-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(workDir, 'server.log');
  const log = openSync(logFile, 'a');
  const profile = options.cpuProfileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`]
    : [];
  const node = [
    process.execPath,
    ...productNodeFlags(),
    ...(options.nodeFlags ?? []),
    ...profile,
    SERVER_ENTRY,
  ];
  const [command, ...args] =
    options.core === undefined ? node : ['taskset', '-c', String(options.core), ...node];
  const child = spawn(command as string, args, {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? tmpdir(),
      PORT: String(port),
      EMBEDDED_DB: 'memory-mongo',
      UPLOADS_DIR: path.join(workDir, 'uploads'),
      RATE_LIMIT_API_PER_MINUTE: '0',
      RATE_LIMIT_LOGIN_PER_IP: '0',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '0',
      // `PUBLIC_READ_CACHE_SECONDS=0` measures the public reads without their in-process cache.
      ...pick(process.env, 'PUBLIC_READ_CACHE_SECONDS'),
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = once(child, 'exit');
  try {
    await waitUntilReady(baseUrl, child, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    affinity: () => threadAffinity(child.pid ?? 0),
    usage: () => processUsage(child.pid ?? 0),
    async stop() {
      if (child.exitCode === null) {
        // SIGTERM: the server's own graceful shutdown, whose exit writes the CPU profile.
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
