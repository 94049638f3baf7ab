/**
 * memory-mongo in a process of its own, for `engine-ops.bench.ts`: the engine's CPU time and heap
 * allocation can then be read apart from the driver's. Started with `fork`; argv[2] is the engine
 * module to load (a build of `@coachhub/memory-mongo`, so that two builds can be compared). Over
 * IPC it answers `start` with the URI, and `mark` with the CPU time and bytes allocated since the
 * previous mark (V8 counts no allocations itself: heap growth plus what every collection freed,
 * from GCProfiler, as the chat bench counts them).
 */
import { writeFileSync } from 'node:fs';
import { Session as InspectorSession } from 'node:inspector';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { pathToFileURL } from 'node:url';

export type EngineRequest = { type: 'start' } | { type: 'mark' } | { type: 'stop' };
export type EngineReply =
  | { type: 'started'; uri: string }
  | { type: 'marked'; cpuUs: number; allocatedBytes: number }
  | { type: 'stopped' };

interface EngineModule {
  MemoryMongo: {
    start(options?: { port?: number }): Promise<{ uri: string; stop(): Promise<void> }>;
  };
}

const target = process.argv[2];
const module = (await import(
  target ? pathToFileURL(target).href : '@coachhub/memory-mongo'
)) as EngineModule;

let profiler = new GCProfiler();
profiler.start();
let since = { cpu: process.cpuUsage(), heap: getHeapStatistics().used_heap_size };

function mark(): { cpuUs: number; allocatedBytes: number } {
  const cpu = process.cpuUsage(since.cpu);
  const freed = profiler
    .stop()
    .statistics.reduce(
      (sum, gc) =>
        sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize,
      0,
    );
  const heap = getHeapStatistics().used_heap_size;
  const result = { cpuUs: cpu.user + cpu.system, allocatedBytes: heap - since.heap + freed };
  profiler = new GCProfiler();
  profiler.start();
  since = { cpu: process.cpuUsage(), heap: getHeapStatistics().used_heap_size };
  return result;
}

/** With ENGINE_HEAP_PROF, a sampling heap profile from the first mark on, collected objects too. */
function heapProfiler(): { start(): void; stop(): void } {
  const file = process.env.ENGINE_HEAP_PROF;
  const session = new InspectorSession();
  let started = false;
  return {
    start() {
      if (!file || started) return;
      started = true;
      session.connect();
      session.post('HeapProfiler.startSampling', {
        samplingInterval: 16_384,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    },
    stop() {
      if (!started) return;
      // The in-thread session answers synchronously.
      session.post('HeapProfiler.stopSampling', (error, result) => {
        if (!error)
          writeFileSync(`${file}.${process.pid}.heapprofile`, JSON.stringify(result.profile));
      });
    },
  };
}

const heap = heapProfiler();
let server: { uri: string; stop(): Promise<void> } | undefined;
const send = (reply: EngineReply): void => {
  process.send?.(reply);
};

process.on('message', (request: EngineRequest) => {
  void (async () => {
    if (request.type === 'start') {
      server = await module.MemoryMongo.start();
      send({ type: 'started', uri: server.uri });
    } else if (request.type === 'mark') {
      heap.start();
      send({ type: 'marked', ...mark() });
    } else {
      heap.stop();
      await server?.stop();
      send({ type: 'stopped' });
      process.disconnect();
    }
  })();
});
