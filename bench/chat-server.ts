/**
 * Bench-only, not a benchmark of its own: the real CoachHub server for `chat.bench.ts` in a
 * process of its own (the bench starts it under `taskset -c 0`). The built server
 * (`server/dist`, compiled by `npm run build -w server` as `npm start` runs it) under plain
 * `node`: the bench transpiles this file alone into `bench/dist/` and imports every server module
 * from `server/dist`, so no TypeScript loader (tsx, esbuild, the source maps it keeps) sits in the
 * measured process. createServer() with the embedded database (memory-mongo, in this process as
 * with `npm start` on a machine without mongod; or BENCH_MONGODB_URI), rate limits off, nothing
 * logged. Over IPC it seeds the chat pairs straight into the database (users, open sessions and
 * one direct conversation per pair: no bcrypt, no HTTP), listens, and answers its memory, CPU time
 * and event-loop delay (perf_hooks) when asked. Run with --expose-gc so the memory figures can be
 * taken after a full collection.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session as InspectorSession } from 'node:inspector';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { GCProfiler, getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import { Types } from 'mongoose';
import type * as ConfigModule from '../server/src/core/config/config.js';
import type * as SessionModule from '../server/src/modules/auth/session.model.js';
import type * as ConversationModule from '../server/src/modules/conversations/conversation.model.js';
import type * as UserModule from '../server/src/modules/users/user.model.js';
import type * as ServerModule from '../server/src/server.js';
import {
  BENCH_JWT_SECRET,
  LOOP_RESOLUTION_MS,
  type ChatPair,
  type ServerReply,
  type ServerRequest,
  type ServerStats,
} from './lib/chat-protocol.js';

/** A module of the built server (`server/dist`, relative to the repository root, the cwd). */
const fromDist = (file: string): Promise<unknown> =>
  import(pathToFileURL(path.join(process.cwd(), 'server', 'dist', file)).href);

const { loadConfig } = (await fromDist('core/config/config.js')) as typeof ConfigModule;
const { Session } = (await fromDist('modules/auth/session.model.js')) as typeof SessionModule;
const { Conversation } = (await fromDist(
  'modules/conversations/conversation.model.js',
)) as typeof ConversationModule;
const { User } = (await fromDist('modules/users/user.model.js')) as typeof UserModule;
const { createServer } = (await fromDist('server.js')) as typeof ServerModule;

const now = new Date();
const inAMonth = new Date(now.getTime() + 30 * 86_400_000);
const oid = (hex: string) => new Types.ObjectId(hex);

async function seed(pairs: ChatPair[]): Promise<void> {
  const user = (_id: string, index: number, role: 'coach' | 'client') => ({
    _id: oid(_id),
    email: `bench.chat.${role}${index}@example.com`,
    firstName: 'Bench',
    lastName: `${role} ${index}`,
    role,
    status: 'active',
    locale: 'en',
    timeZone: 'Europe/Berlin',
    profilePicture: null,
    // Never used to sign in: the sessions below are inserted and the tokens signed directly.
    passwordHash: 'not-a-bcrypt-hash',
    createdAt: now,
    updatedAt: now,
  });
  const session = (_id: string, userId: string) => ({
    _id: oid(_id),
    user: oid(userId),
    tokenHash: `bench-${_id}`,
    rotatedTokenHashes: [],
    expiresAt: inAMonth,
    revokedAt: null,
    revokedReason: null,
    lastUsedAt: now,
    userAgent: 'chat.bench',
    createdAt: now,
    updatedAt: now,
  });
  await User.collection.insertMany(
    pairs.flatMap((pair, index) => [
      user(pair.coachId, index, 'coach'),
      user(pair.clientId, index, 'client'),
    ]),
  );
  await Session.collection.insertMany(
    pairs.flatMap((pair) => [
      session(pair.coachSessionId, pair.coachId),
      session(pair.clientSessionId, pair.clientId),
    ]),
  );
  await Conversation.collection.insertMany(
    pairs.map((pair) => {
      const participants = [pair.coachId, pair.clientId].sort();
      return {
        _id: oid(pair.conversationId),
        kind: 'direct',
        key: `direct:${participants.join(':')}`,
        participants: participants.map(oid),
        booking: null,
        reads: [],
        lastActivityAt: now,
        createdAt: now,
      };
    }),
  );
}

/**
 * How long the main thread has waited, runnable, for a core (Linux schedstat, second field, in
 * ns): time other processes on the machine took from the server. NaN where there is none.
 */
function runQueueWaitMs(): number {
  try {
    return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

/**
 * BENCH_HEAP_PROF=<dir>: V8's sampling heap profiler over the whole run, counting objects that
 * minor and major collections freed too (what was allocated, not what is still alive), written
 * at exit as a .heapprofile (Chrome DevTools opens it). A no-op without the variable.
 */
function sampleAllocations(): () => void {
  const dir = process.env.BENCH_HEAP_PROF;
  if (!dir) return () => {};
  const session = new InspectorSession();
  session.connect();
  // BENCH_HEAP_PROF_SURVIVORS=1 leaves out what minor collections freed: what was promoted to the
  // old generation (and what was still young at the end), the objects major collections mark.
  const survivorsOnly = process.env.BENCH_HEAP_PROF_SURVIVORS === '1';
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 16_384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: !survivorsOnly,
  });
  return () => {
    // The in-thread session answers synchronously, so the file is written before the exit.
    session.post('HeapProfiler.stopSampling', (error, result) => {
      if (error) return;
      writeFileSync(
        path.join(dir, `chat-server.${process.pid}.heapprofile`),
        JSON.stringify(result.profile),
      );
    });
  };
}

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('chat-server.ts runs as a child of chat.bench.ts (with IPC)');
  const { config } = loadConfig({
    NODE_ENV: 'development',
    // The embedded engine in this process (as `npm start` without mongod), or another database.
    ...(process.env.BENCH_MONGODB_URI
      ? { MONGODB_URI: process.env.BENCH_MONGODB_URI }
      : { EMBEDDED_DB: 'memory-mongo' }),
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'false',
    RATE_LIMIT_API_PER_MINUTE: '0',
    RATE_LIMIT_LOGIN_PER_IP: '0',
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '0',
    JWT_ACCESS_SECRET: BENCH_JWT_SECRET,
    // A temporary folder of the bench's (it removes it); the server writes nothing there.
    UPLOADS_DIR: process.env.BENCH_UPLOADS_DIR ?? path.join(tmpdir(), 'coachhub-bench-chat'),
    // Reminder and other jobs look for work once a minute instead of every 5 s.
    JOBS_PROCESS_EVERY_MS: '60000',
  });
  const server = await createServer(config);
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  // What the heap allocated since the last reset: its growth plus what every collection freed
  // (V8 counts no allocations itself; GCProfiler reports each collection's heap before and after).
  let collections = new GCProfiler();
  collections.start();
  // Major (mark-compact) collections since the last reset: the ones whose marking stalls the server.
  let majorCollections = 0;
  const freedSinceLastCall = (): number => {
    const { statistics } = collections.stop();
    const freed = statistics.reduce(
      (sum, gc) =>
        sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize,
      0,
    );
    majorCollections += statistics.filter((gc) => gc.gcType === 'MarkSweepCompact').length;
    collections = new GCProfiler();
    collections.start();
    return freed;
  };
  const usedHeap = () => getHeapStatistics().used_heap_size;
  const startWindow = () => ({
    cpu: process.cpuUsage(),
    wall: performance.now(),
    waited: runQueueWaitMs(),
    heap: usedHeap(),
    freed: 0,
  });
  let since = startWindow();
  const collect = (globalThis as { gc?: () => void }).gc;

  const stats = (gc: boolean, reset: boolean): ServerStats => {
    const cpu = process.cpuUsage(since.cpu);
    const wallMs = performance.now() - since.wall;
    const beyond = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
    since.freed += freedSinceLastCall();
    const result = {
      loopDelayP50: beyond(loop.percentile(50)),
      loopDelayP99: beyond(loop.percentile(99)),
      loopDelayMax: beyond(loop.max),
      cpuShare: (cpu.user + cpu.system) / 1000 / wallMs,
      waitShare: (runQueueWaitMs() - since.waited) / wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      allocatedBytes: usedHeap() - since.heap + since.freed,
      majorCollections,
      fullCollectionMs: Number.NaN,
    };
    if (gc && collect) {
      const started = performance.now();
      collect();
      result.fullCollectionMs = performance.now() - started;
    }
    const memory = process.memoryUsage();
    if (reset) {
      loop.reset();
      freedSinceLastCall();
      majorCollections = 0;
      since = startWindow();
    }
    return {
      pid: process.pid,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      external: memory.external,
      ...result,
    };
  };

  process.on('message', (request: ServerRequest) => {
    const answer = async (): Promise<ServerReply> => {
      if (request.type === 'stats') {
        return { id: request.id, ok: true, stats: stats(request.gc, request.reset) };
      }
      await seed(request.pairs);
      const { port } = await server.listen(0);
      return { id: request.id, ok: true, port };
    };
    answer().then(send, (error: unknown) =>
      send({
        id: request.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies ServerReply),
    );
  });
  const writeHeapProfile = sampleAllocations();
  // The bench ends this process with SIGTERM: no graceful close (nothing here needs keeping), but
  // an exit of its own, so that --cpu-prof writes its profile.
  const exit = () => {
    writeHeapProfile();
    // BENCH_HEAP_SNAPSHOT=<dir>: what the heap holds at the end of the run (after its last phase).
    const snapshotDir = process.env.BENCH_HEAP_SNAPSHOT;
    if (snapshotDir) {
      writeHeapSnapshot(path.join(snapshotDir, `chat-server.${process.pid}.heapsnapshot`));
    }
    process.exit(0);
  };
  process.once('SIGTERM', exit);
  process.once('disconnect', exit);
  send({ id: 0, ok: true } satisfies ServerReply);
}

await main();
