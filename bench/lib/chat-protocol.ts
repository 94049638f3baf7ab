/** What `chat.bench.ts` and its server process (`chat-server.ts`) say to each other over IPC. */

/** One coach and one client with a direct conversation; every id is a 24-digit hex string. */
export interface ChatPair {
  coachId: string;
  clientId: string;
  coachSessionId: string;
  clientSessionId: string;
  conversationId: string;
}

export interface ServerStats {
  pid: number;
  /** Bytes (process.memoryUsage()), after a full collection when asked for. */
  rss: number;
  heapUsed: number;
  external: number;
  /** Event-loop delay beyond the sampling interval since the last reset, ms. */
  loopDelayP50: number;
  loopDelayP99: number;
  loopDelayMax: number;
  /** CPU time (user + system) over wall time since the last reset: 1 = one core fully busy. */
  cpuShare: number;
  /** Time the main thread was ready to run but waited for its core (other processes), same scale. */
  waitShare: number;
  /** CPU time (user + system) since the last reset, ms. */
  cpuMs: number;
  /** Bytes allocated on the JS heap since the last reset (heap growth plus what collections freed). */
  allocatedBytes: number;
  /** Major (mark-compact) collections since the last reset, the bench's own full ones included. */
  majorCollections: number;
  /** How long the full collection asked for (`gc`) took, ms: the marking work of the live heap. */
  fullCollectionMs: number;
}

/** `seed` inserts the pairs, then listens (the reply carries the port). */
export type ServerRequest =
  | { id: number; type: 'seed'; pairs: ChatPair[] }
  | { id: number; type: 'stats'; gc: boolean; reset: boolean };

/** Id 0 is sent once, unasked, when the server is up. */
export type ServerReply =
  | { id: number; ok: true; port?: number; stats?: ServerStats }
  | { id: number; ok: false; error: string };

/** The server process verifies and the bench signs access tokens with this secret. */
export const BENCH_JWT_SECRET = 'bench-chat-secret-bench-chat-secret-0123';

/** perf_hooks.monitorEventLoopDelay's sampling interval; its samples include it. */
export const LOOP_RESOLUTION_MS = 10;
