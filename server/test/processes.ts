import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { TEST_JWT_SECRET, withDatabaseName } from './test-server.js';

/**
 * Real processes for tests that need more than one: the engine, the server's own entry point,
 * and redis-server. Each is stopped with `stopProcess`.
 */

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface EngineProcess {
  uri: string;
  child: ChildProcess;
}

/** `node tools/memory-mongo/bin/memory-mongo.js --port 0`: the first stdout line is its URI. */
export function startEngineProcess(): Promise<EngineProcess> {
  const child = spawn(
    process.execPath,
    ['tools/memory-mongo/bin/memory-mongo.js', '--port', '0', '--quiet'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n') && line?.startsWith('mongodb://')) resolve({ uri: line, child });
    });
    child.once('exit', (code) => reject(new Error(`memory-mongo exited with ${code}`)));
    child.once('error', reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output: string[];
}

/** `node --import tsx server/src/index.ts`, the real entry point, on the given database. */
export async function startServerProcess(
  mongoUri: string,
  uploadsDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  // A given PORT restarts a server where its clients look for it.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      PORT: String(port),
      MONGODB_URI: mongoUri,
      JWT_ACCESS_SECRET: TEST_JWT_SECRET,
      SEED_DEMO_DATA: 'false',
      RATE_LIMIT_API_PER_MINUTE: '0',
      RATE_LIMIT_LOGIN_PER_IP: '0',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '0',
      RATE_LIMIT_REGISTER_PER_IP: '0',
      RATE_LIMIT_REFRESH_PER_IP: '0',
      UPLOADS_DIR: uploadsDir,
      CLIENT_DIST_DIR: path.join(uploadsDir, 'no-client'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${baseUrl}/ready`)).ok) return { child, baseUrl, output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server process did not become ready:\n${output.join('')}`);
}

/**
 * `redis-server` from the system (`.ci/run` installs Debian's package) on a free port, with
 * nothing persisted. Resolves once it accepts connections.
 */
export async function startRedisServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      if (buffered.includes('Ready to accept connections')) {
        resolve({ url: `redis://127.0.0.1:${port}`, child });
      }
    });
    child.once('error', (error) =>
      reject(new Error(`redis-server could not start (is it installed?): ${error.message}`)),
    );
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited with ${code}: ${buffered}`)),
    );
  });
}

/** SIGTERM (a clean shutdown), SIGKILL after 10 seconds. */
export function stopProcess(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Two server processes on one database process and one redis-server, as docker-compose runs. */
export interface RedisCluster {
  uri: string;
  servers: [ServerProcess, ServerProcess];
  /** Stops the processes and Redis, disconnects the test's Mongoose, removes the uploads folder. */
  stop(): Promise<void>;
}

/**
 * Starts the cluster and connects the test's own Mongoose to its database, for fixtures.
 * `env` goes to both servers (REDIS_URL is set for them).
 */
export async function startRedisCluster(
  databaseName: string,
  env: Record<string, string> = {},
): Promise<RedisCluster> {
  const [engine, redis] = await Promise.all([startEngineProcess(), startRedisServer()]);
  const uri = withDatabaseName(engine.uri, databaseName);
  const uploadsDir = await mkdtemp(path.join(tmpdir(), 'coachhub-cluster-'));
  const serverEnv = { REDIS_URL: redis.url, ...env };
  const servers = await Promise.all([
    startServerProcess(uri, uploadsDir, serverEnv),
    startServerProcess(uri, uploadsDir, serverEnv),
  ]);
  await mongoose.connect(uri);
  return {
    uri,
    servers,
    async stop() {
      await Promise.all(servers.map((server) => stopProcess(server.child)));
      await stopProcess(redis.child);
      await stopProcess(engine.child);
      await mongoose.disconnect();
      await rm(uploadsDir, { recursive: true, force: true });
    },
  };
}
