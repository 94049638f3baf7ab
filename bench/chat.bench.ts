/**
 * Live chat through the real server: 2,000 Socket.IO clients (websocket transport, `auth: { token
 * }` as the web client connects) in 1,000 two-person conversations. The server runs in a process
 * of its own pinned to core 0 (`chat-server.ts` under plain `node`: createServer() of the built
 * server, `server/dist` as `npm start` runs it, with the embedded database, rate limits off), this
 * load generator is pinned to core 1. Every client joins its conversation
 * (`conversation:join`); then the clients take turns emitting `message:send` at a fixed aggregate
 * rate (200/s for 60 s), each message carrying a sequence number as its `clientId`, and the other
 * participant's `message:new` arrival time gives the delivery latency (both ends live in this
 * process: one clock). Counted: deliveries, duplicates (a message id twice on one socket) and
 * messages never delivered; the ack latency; the server's memory per connection (RSS and heap
 * after a full collection, before and after the clients connect and join), its event-loop delay
 * and CPU. Then a ramp of shorter steps finds the highest rate that keeps p99 <= 100 ms.
 *
 *   npm run bench:chat
 *   BENCH_CLIENTS=200 BENCH_SECONDS=10 BENCH_RAMP=200,400 BENCH_STEP_SECONDS=5 npm run bench:chat
 *
 * BENCH_RAMP=none skips the ramp; BENCH_CPU_PROF=<dir> runs the server with --cpu-prof;
 * BENCH_HEAP_PROF=<dir> samples its allocations (collected objects included) into a .heapprofile;
 * BENCH_HEAP_SNAPSHOT=<dir> writes a heap snapshot of the server when the run ends;
 * BENCH_SERVER_FLAGS adds Node flags to the server (e.g. --trace-gc).
 * BENCH_DB=process moves the database out of the server's process: memory-mongo in a process of
 * its own on the load generator's core (the embedded engine otherwise shares the server's one
 * thread); BENCH_MONGODB_URI points the server at another database instead. The per-sender limit of the product (MESSAGE_LIMITS.sendBurst in
 * sendWindowSeconds, not configurable) caps the rate at 2 messages/s per client: higher steps are
 * left out.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { MESSAGE_LIMITS } from '@coachhub/shared/conversation';
import type { ClientToServerEvents, ServerToClientEvents } from '@coachhub/shared/socket-events';
import { Types } from 'mongoose';
import { io, type Socket } from 'socket.io-client';
import ts from 'typescript';
import { createAccessTokens } from '../server/src/core/auth/access-token.js';
import {
  BENCH_JWT_SECRET,
  LOOP_RESOLUTION_MS,
  type ChatPair,
  type ServerReply,
  type ServerRequest,
  type ServerStats,
} from './lib/chat-protocol.js';
import { productNodeFlags } from './lib/product-server.js';
import { median, percentile, printTable } from './lib/stats.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const env = process.env;
const CLIENTS = Math.max(2, Math.floor(Number(env.BENCH_CLIENTS ?? 2_000) / 2) * 2);
const RATE = Number(env.BENCH_RATE ?? 200);
const SECONDS = Number(env.BENCH_SECONDS ?? 60);
const RAMP =
  env.BENCH_RAMP === 'none'
    ? []
    : (env.BENCH_RAMP ?? '10,25,50,100,150,200,300,400,600,800,1200,1600,2400,3200')
        .split(',')
        .map(Number)
        .filter((rate) => rate > 0);
const STEP_SECONDS = Number(env.BENCH_STEP_SECONDS ?? 15);
const TARGET_P99_MS = 100;
const WARM_UP_RATE = 50;
const WARM_UP_SECONDS = 10;
/** Below the product's per-sender limit with a margin: every client sends in turn. */
const MAX_RATE = ((MESSAGE_LIMITS.sendBurst / MESSAGE_LIMITS.sendWindowSeconds) * CLIENTS * 9) / 10;
const CONNECT_IN_FLIGHT = 50;
const JOIN_IN_FLIGHT = 100;
/** An overloaded server works through its backlog after the sending stops: wait that long. */
const DRAIN_TIMEOUT_MS = 180_000;
const WINDOW_MS = 10_000;
const SERVER_CORE = 0;
const LOAD_CORE = 1;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1));
const percent = (share: number) => (Number.isNaN(share) ? '-' : `${(share * 100).toFixed(0)} %`);
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

/** Runs `task(0..count-1)` with at most `inFlight` at a time. */
async function pool(count: number, inFlight: number, task: (index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
}

/** Pins every thread of this process (and those it starts later) to one core; false if it cannot. */
function pinSelf(core: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

interface ServerProcess {
  request(
    body: { type: 'seed'; pairs: ChatPair[] } | { type: 'stats'; gc: boolean; reset: boolean },
  ): Promise<Extract<ServerReply, { ok: true }>>;
  stats(options: { gc: boolean; reset: boolean }): Promise<ServerStats>;
  stop(): void;
}

/**
 * `chat-server.ts` and the one module it imports from the bench, transpiled (types erased, no
 * check: `tsc -p bench` checks them) into `bench/dist/`, so that the server process runs under
 * plain `node` with the built server (`server/dist`) as `npm start` does. Returns the entry.
 */
async function transpileServerWrapper(): Promise<string> {
  if (!existsSync(path.join(ROOT, 'server', 'dist', 'server.js'))) {
    throw new Error('server/dist is missing: npm run build -w server (npm run bench:chat does)');
  }
  const outDir = path.join(ROOT, 'bench', 'dist');
  for (const file of ['chat-server.ts', path.join('lib', 'chat-protocol.ts')]) {
    const source = await readFile(path.join(ROOT, 'bench', file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    });
    const target = path.join(outDir, file.replace(/\.ts$/, '.js'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  return path.join(outDir, 'chat-server.js');
}

/** `chat-server.ts` under `taskset -c 0` (when pinning works), with an IPC channel. */
async function startServer(
  pinned: boolean,
  uploadsDir: string,
  databaseUri: string | undefined,
): Promise<ServerProcess> {
  const profile = env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_CPU_PROF}`] : [];
  // BENCH_SERVER_FLAGS: more Node flags for the server, e.g. --trace-gc to see its pauses.
  const extra = (env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  const entry = await transpileServerWrapper();
  // The product's own flags (`npm run serve -w server`), then the bench's diagnostics.
  const node = [
    process.execPath,
    ...productNodeFlags(),
    '--expose-gc',
    ...extra,
    ...profile,
    entry,
  ];
  const [command, ...args] = pinned ? ['taskset', '-c', String(SERVER_CORE), ...node] : node;
  const child: ChildProcess = spawn(command as string, args, {
    cwd: ROOT,
    env: {
      ...env,
      BENCH_UPLOADS_DIR: uploadsDir,
      ...(databaseUri ? { BENCH_MONGODB_URI: databaseUri } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (reply: ServerReply) => void>();
  let nextId = 1;
  child.on('message', (reply: ServerReply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const exited = new Promise<never>((_resolve, reject) => {
    child.once('exit', (code, signal) =>
      reject(new Error(`the server process exited (${code ?? signal})`)),
    );
  });
  exited.catch(() => {});
  const reply = (id: number) =>
    Promise.race([new Promise<ServerReply>((resolve) => waiting.set(id, resolve)), exited]);

  const started = await reply(0);
  if (!started.ok) throw new Error(started.error);
  const request: ServerProcess['request'] = async (body) => {
    const id = nextId;
    nextId += 1;
    const answer = reply(id);
    child.send({ id, ...body } satisfies ServerRequest);
    const result = await answer;
    if (!result.ok) throw new Error(`server: ${result.error}`);
    return result;
  };
  return {
    request,
    async stats(options) {
      const { stats } = await request({ type: 'stats', ...options });
      if (!stats) throw new Error('server: no stats');
      return stats;
    },
    stop: () => child.kill('SIGTERM'),
  };
}

/** memory-mongo in a process of its own on the load's core (BENCH_DB=process); else nothing. */
async function startDatabase(pinned: boolean): Promise<{ uri?: string; stop: () => void }> {
  if (env.BENCH_DB !== 'process') return { stop: () => {} };
  const engine = ['tools/memory-mongo/bin/memory-mongo.js', '--port', '0', '--quiet'];
  const child = pinned
    ? spawn('taskset', ['-c', String(LOAD_CORE), process.execPath, ...engine], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      })
    : spawn(process.execPath, engine, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const uri = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`memory-mongo exited with ${code}`)));
  });
  return { uri: uri.replace('/?', '/coachhub_bench_chat?'), stop: () => child.kill('SIGTERM') };
}

interface Client {
  index: number;
  userId: string;
  conversationId: string;
  /** The other participant's index. */
  partner: number;
  token: string;
  socket?: ClientSocket;
  /** Message ids this socket received: a second one is a duplicate. */
  seen: Set<string>;
}

/** The pairs (coach at even index, client at odd) and one signed access token per user. */
function makeClients(): { pairs: ChatPair[]; clients: Client[] } {
  const tokens = createAccessTokens({ secret: BENCH_JWT_SECRET, ttlSeconds: 6 * 3600 });
  const id = () => new Types.ObjectId().toHexString();
  const pairs: ChatPair[] = Array.from({ length: CLIENTS / 2 }, () => ({
    coachId: id(),
    clientId: id(),
    coachSessionId: id(),
    clientSessionId: id(),
    conversationId: id(),
  }));
  const clients = pairs.flatMap((pair, index): Client[] => [
    {
      index: 2 * index,
      userId: pair.coachId,
      conversationId: pair.conversationId,
      partner: 2 * index + 1,
      token: tokens.sign({ userId: pair.coachId, role: 'coach', sessionId: pair.coachSessionId }),
      seen: new Set(),
    },
    {
      index: 2 * index + 1,
      userId: pair.clientId,
      conversationId: pair.conversationId,
      partner: 2 * index,
      token: tokens.sign({
        userId: pair.clientId,
        role: 'client',
        sessionId: pair.clientSessionId,
      }),
      seen: new Set(),
    },
  ]);
  return { pairs, clients };
}

interface Phase {
  rate: number;
  seconds: number;
  startedAt: number;
  sent: number;
  acked: number;
  /** Acks with `ok: false`, by error code. */
  refused: Map<string, number>;
  ackLatencies: number[];
  delivered: number;
  /** Delivery latency and send time (from the phase's start) of each message delivered. */
  latencies: number[];
  sentOffsets: number[];
  duplicates: number;
  /** `message:new` on a socket that is neither the sender's nor the other participant's. */
  misdelivered: number;
}

interface Sent {
  phase: Phase;
  sentAt: number;
  receiver: number;
  delivered: boolean;
}

const inFlightMessages = new Map<string, Sent>();
let sequence = 0;
let turn = 0;

function listen(client: Client, socket: ClientSocket): void {
  socket.on('message:new', ({ message }) => {
    const at = performance.now();
    const record = message.clientId === null ? undefined : inFlightMessages.get(message.clientId);
    if (client.seen.has(message._id)) {
      if (record) record.phase.duplicates += 1;
      return;
    }
    client.seen.add(message._id);
    // Its own copy reaches the sender's socket too (its user room): not a delivery.
    if (!record || message.senderId === client.userId) return;
    if (record.receiver !== client.index) {
      record.phase.misdelivered += 1;
      return;
    }
    record.delivered = true;
    record.phase.delivered += 1;
    record.phase.latencies.push(at - record.sentAt);
    record.phase.sentOffsets.push(record.sentAt - record.phase.startedAt);
  });
}

function connect(baseUrl: string, client: Client): Promise<void> {
  const socket: ClientSocket = io(baseUrl, {
    auth: { token: client.token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 120_000,
  });
  client.socket = socket;
  listen(client, socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) =>
      reject(new Error(`client ${client.index}: ${error.message}`)),
    );
  });
}

async function join(client: Client): Promise<void> {
  const socket = client.socket;
  if (!socket) throw new Error(`client ${client.index} is not connected`);
  const answer = await socket
    .timeout(120_000)
    .emitWithAck('conversation:join', { conversationId: client.conversationId });
  if (!answer.ok) throw new Error(`client ${client.index}: join refused: ${answer.error.code}`);
}

function sendOne(phase: Phase, client: Client): void {
  sequence += 1;
  const clientId = `b${sequence}`;
  const sentAt = performance.now();
  const record: Sent = { phase, sentAt, receiver: client.partner, delivered: false };
  inFlightMessages.set(clientId, record);
  phase.sent += 1;
  client.socket?.emit(
    'message:send',
    { conversationId: client.conversationId, body: `bench message ${sequence}`, clientId },
    (answer) => {
      if (answer.ok) {
        phase.acked += 1;
        phase.ackLatencies.push(performance.now() - sentAt);
      } else {
        phase.refused.set(answer.error.code, (phase.refused.get(answer.error.code) ?? 0) + 1);
      }
    },
  );
}

interface PhaseResult {
  phase: Phase;
  server: ServerStats;
  /** This process's event-loop delay p99 beyond the sampling interval (ms) and CPU share. */
  loadLoopP99: number;
  loadCpuShare: number;
  p50: number;
  p99: number;
  ackP50: number;
  ackP99: number;
  /** Sent with an ok ack but never delivered to the other participant. */
  missing: number;
  refusedTotal: number;
  /** Delivery p99 of each 10 s of sending (by send time). */
  windowP99s: number[];
  /** Major collections during the phase and its drain. */
  majorCollections: number;
  /** The server's heap after a full collection at the end of the phase, and how long that took. */
  retainedHeap: number;
  fullCollectionMs: number;
  /** The server's CPU time and JS heap allocation over the phase and its drain, per message sent. */
  cpuPerMessageMs: number;
  allocatedPerMessage: number;
  passed: boolean;
}

const loadLoop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loadLoop.enable();

/** `rate` messages/s for `seconds` from the clients in turn, then waits for every ack and delivery. */
async function runPhase(
  server: ServerProcess,
  clients: Client[],
  rate: number,
  seconds: number,
): Promise<PhaseResult> {
  await server.stats({ gc: false, reset: true });
  loadLoop.reset();
  const cpuBefore = process.cpuUsage();
  const phase: Phase = {
    rate,
    seconds,
    startedAt: performance.now(),
    sent: 0,
    acked: 0,
    refused: new Map(),
    ackLatencies: [],
    delivered: 0,
    latencies: [],
    sentOffsets: [],
    duplicates: 0,
    misdelivered: 0,
  };
  const total = Math.round(rate * seconds);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(
        total,
        Math.floor(((performance.now() - phase.startedAt) / 1000) * rate),
      );
      while (phase.sent < due) {
        sendOne(phase, clients[turn % clients.length] as Client);
        turn += 1;
      }
      if (phase.sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  const wallMs = performance.now() - phase.startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  const loadLoopP99 = Math.max(0, loadLoop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS);
  const serverStats = await server.stats({ gc: false, reset: false });

  const refusedTotal = () => [...phase.refused.values()].reduce((sum, count) => sum + count, 0);
  const drainStart = performance.now();
  while (
    (phase.acked + refusedTotal() < phase.sent || phase.delivered < phase.acked) &&
    performance.now() - drainStart < DRAIN_TIMEOUT_MS
  ) {
    await sleep(50);
  }
  // Late duplicates would arrive within this.
  await sleep(1_000);
  const wholePhase = await server.stats({ gc: false, reset: false });
  // What the old generation holds once the phase is over: what every major collection marks.
  const retained = await server.stats({ gc: true, reset: false });

  const windows = new Map<number, number[]>();
  phase.latencies.forEach((latency, index) => {
    const window = Math.floor((phase.sentOffsets[index] ?? 0) / WINDOW_MS);
    windows.set(window, [...(windows.get(window) ?? []), latency]);
  });
  const windowP99s = [...windows.entries()]
    .filter(([window]) => (window + 1) * WINDOW_MS <= seconds * 1000)
    .sort(([a], [b]) => a - b)
    .map(([, latencies]) => percentile(latencies, 99));
  const p99 = percentile(phase.latencies, 99);
  return {
    phase,
    server: serverStats,
    loadLoopP99,
    loadCpuShare: (cpu.user + cpu.system) / 1000 / wallMs,
    p50: median(phase.latencies),
    p99,
    ackP50: median(phase.ackLatencies),
    ackP99: percentile(phase.ackLatencies, 99),
    missing: phase.acked - phase.delivered,
    refusedTotal: refusedTotal(),
    windowP99s,
    majorCollections: wholePhase.majorCollections,
    retainedHeap: retained.heapUsed,
    fullCollectionMs: retained.fullCollectionMs,
    cpuPerMessageMs: wholePhase.cpuMs / phase.sent,
    allocatedPerMessage: wholePhase.allocatedBytes / phase.sent,
    passed:
      p99 <= TARGET_P99_MS &&
      phase.delivered === phase.sent &&
      phase.duplicates === 0 &&
      phase.misdelivered === 0,
  };
}

const delivered = (result: PhaseResult) =>
  `${((result.phase.delivered / result.phase.sent) * 100).toFixed(2)} %`;

function refusals(result: PhaseResult): string {
  return result.refusedTotal === 0
    ? '0'
    : [...result.phase.refused.entries()].map(([code, count]) => `${count} ${code}`).join(', ');
}

async function loadAverage(): Promise<string> {
  return (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');
}

async function main(): Promise<void> {
  const loadAtStart = await loadAverage();
  const pinned = cpus().length >= 2 && pinSelf(LOAD_CORE);
  if (!pinned) console.warn('taskset or a second core is missing: server and load share the cores');
  const uploadsDir = await mkdtemp(path.join(tmpdir(), 'coachhub-bench-chat-'));
  const database = await startDatabase(pinned);
  const databaseLabel = database.uri
    ? `memory-mongo in its own process${pinned ? ` on core ${LOAD_CORE}` : ''}`
    : env.BENCH_MONGODB_URI
      ? 'BENCH_MONGODB_URI'
      : 'memory-mongo in the server process';
  const server = await startServer(pinned, uploadsDir, database.uri);
  const { pairs, clients } = makeClients();
  try {
    const { port } = await server.request({ type: 'seed', pairs });
    if (port === undefined) throw new Error('server: no port');
    const baseUrl = `http://127.0.0.1:${port}`;
    await sleep(1_000);
    const before = await server.stats({ gc: true, reset: true });

    let started = performance.now();
    const connectCpu = process.cpuUsage();
    await pool(clients.length, CONNECT_IN_FLIGHT, (index) =>
      connect(baseUrl, clients[index] as Client),
    );
    const connectSeconds = (performance.now() - started) / 1000;
    const connectLoad = process.cpuUsage(connectCpu);
    const connectLoadShare =
      (connectLoad.user + connectLoad.system) / 1000 / (connectSeconds * 1000);
    const connectServer = await server.stats({ gc: false, reset: true });
    started = performance.now();
    await pool(clients.length, JOIN_IN_FLIGHT, (index) => join(clients[index] as Client));
    const joinSeconds = (performance.now() - started) / 1000;
    // Presence broadcasts and the subscribers of the connections may still run: wait for quiet.
    for (let waited = 0; waited < 60; waited++) {
      await sleep(1_000);
      if ((await server.stats({ gc: false, reset: true })).cpuShare < 0.1) break;
    }
    const after = await server.stats({ gc: true, reset: true });
    const perConnection = (bytes: number) => `${(bytes / clients.length / 1024).toFixed(1)} KiB`;

    console.log(
      `${clients.length} clients in ${pairs.length} conversations, server pid ${before.pid}` +
        `${pinned ? ` on core ${SERVER_CORE}, load on core ${LOAD_CORE}` : ' (not pinned)'}; ` +
        `database: ${databaseLabel}; ` +
        `node ${process.version} ${productNodeFlags().join(' ')} (the product's flags); ` +
        `load average at start ${loadAtStart}\n`,
    );
    printTable(
      ['setup', 'value'],
      [
        [
          'connect (websocket + handshake auth)',
          `${connectSeconds.toFixed(1)} s (${CONNECT_IN_FLIGHT} at a time; server CPU ` +
            `${percent(connectServer.cpuShare)}, waiting ${percent(connectServer.waitShare)}; ` +
            `load CPU ${percent(connectLoadShare)})`,
        ],
        ['conversation:join', `${joinSeconds.toFixed(1)} s (${JOIN_IN_FLIGHT} at a time)`],
        ['server RSS before / after', `${mib(before.rss)} / ${mib(after.rss)} MiB`],
        ['server heap used before / after', `${mib(before.heapUsed)} / ${mib(after.heapUsed)} MiB`],
        ['server RSS per connection', perConnection(after.rss - before.rss)],
        ['server heap per connection', perConnection(after.heapUsed - before.heapUsed)],
      ],
    );

    // Warm-up, not reported: the send path's first calls run unoptimised code.
    await runPhase(server, clients, WARM_UP_RATE, WARM_UP_SECONDS);
    await sleep(3_000);
    const steady = await runPhase(server, clients, RATE, SECONDS);
    console.log(`\n${thousands(RATE)} messages/s for ${SECONDS} s:\n`);
    const goal = (met: boolean) => (met ? 'met' : 'MISSED');
    printTable(
      ['measure', 'value', 'goal'],
      [
        ['messages sent', thousands(steady.phase.sent), ''],
        ['delivery latency p50', `${ms(steady.p50)} ms`, ''],
        [
          'delivery latency p99',
          `${ms(steady.p99)} ms`,
          `<= ${TARGET_P99_MS} ms: ${goal(steady.p99 <= TARGET_P99_MS)}`,
        ],
        [
          'p99 per 10 s, median (min-max)',
          steady.windowP99s.length === 0
            ? '-'
            : `${ms(median(steady.windowP99s))} (${ms(Math.min(...steady.windowP99s))}-` +
              `${ms(Math.max(...steady.windowP99s))}) ms`,
          '',
        ],
        ['ack latency p50 / p99', `${ms(steady.ackP50)} / ${ms(steady.ackP99)} ms`, ''],
        [
          'delivered to the other participant',
          `${thousands(steady.phase.delivered)} (${delivered(steady)})`,
          `100 %: ${goal(steady.phase.delivered === steady.phase.sent)}`,
        ],
        [
          'duplicates',
          String(steady.phase.duplicates),
          `0: ${goal(steady.phase.duplicates === 0)}`,
        ],
        ['never delivered (acked)', String(steady.missing), ''],
        ['refused acks', refusals(steady), ''],
        [
          'server event-loop delay p50 / p99 / max',
          `${ms(steady.server.loopDelayP50)} / ${ms(steady.server.loopDelayP99)} / ${ms(steady.server.loopDelayMax)} ms`,
          '',
        ],
        [
          'server CPU / waiting for its core',
          `${percent(steady.server.cpuShare)} / ${percent(steady.server.waitShare)}`,
          '',
        ],
        [
          'server CPU / JS heap allocated per message (phase and drain)',
          `${steady.cpuPerMessageMs.toFixed(2)} ms / ${kib(steady.allocatedPerMessage)}`,
          '',
        ],
        ['server major collections (phase and drain)', String(steady.majorCollections), ''],
        [
          'server heap after the phase, full collection (its time)',
          `${mib(steady.retainedHeap)} MiB (${ms(steady.fullCollectionMs)} ms)`,
          '',
        ],
        [
          'load generator CPU / loop delay p99',
          `${percent(steady.loadCpuShare)} / ${ms(steady.loadLoopP99)} ms`,
          '',
        ],
      ],
    );

    const steps = RAMP.filter((rate) => rate <= MAX_RATE);
    if (steps.length < RAMP.length) {
      console.log(
        `\nramp: left out ${RAMP.filter((rate) => rate > MAX_RATE).join(', ')}/s, above the ` +
          `per-sender limit (${MESSAGE_LIMITS.sendBurst} in ${MESSAGE_LIMITS.sendWindowSeconds} s) for ${clients.length} clients`,
      );
    }
    if (steps.length > 0) {
      const rows: string[][] = [];
      let highest: number | undefined;
      for (const rate of steps) {
        await sleep(3_000);
        const step = await runPhase(server, clients, rate, STEP_SECONDS);
        rows.push([
          thousands(rate),
          thousands(step.phase.sent),
          delivered(step),
          String(step.phase.duplicates),
          ms(step.p50),
          ms(step.p99),
          ms(step.ackP99),
          `${percent(step.server.cpuShare)} / ${percent(step.server.waitShare)}`,
          `${step.cpuPerMessageMs.toFixed(2)} / ${kib(step.allocatedPerMessage)}`,
          ms(step.server.loopDelayP99),
          percent(step.loadCpuShare),
          step.passed ? 'yes' : 'no',
        ]);
        if (!step.passed) break;
        highest = rate;
      }
      console.log(`\nramp, ${STEP_SECONDS} s per step (stops at the first step that fails):\n`);
      printTable(
        [
          'messages/s',
          'sent',
          'delivered',
          'dup',
          'p50 (ms)',
          'p99 (ms)',
          'ack p99 (ms)',
          'server CPU / waiting',
          'server CPU ms / heap per message',
          'server loop p99 (ms)',
          'load CPU',
          'p99 <= 100, all delivered',
        ],
        rows,
      );
      console.log(
        `\nhighest rate with p99 <= ${TARGET_P99_MS} ms and every message delivered: ` +
          `${highest === undefined ? 'none of the steps' : `${thousands(highest)}/s`}` +
          `${highest !== undefined && highest === steps.at(-1) ? ' (the last step: at least this)' : ''}`,
      );
    }
    console.log(`\nload average at the end: ${await loadAverage()}`);
    if (!steady.passed) process.exitCode = 1;
  } finally {
    // The server first: closing 2,000 sockets one by one would make it broadcast presence to the rest.
    server.stop();
    database.stop();
    for (const client of clients) client.socket?.close();
    await rm(uploadsDir, { recursive: true, force: true });
  }
}

await main();
