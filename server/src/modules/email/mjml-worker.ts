import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * MJML turns the e-mail layout into HTML in a worker thread of its own, for two reasons measured
 * on this server: one rendering keeps the event loop busy for 5-20 ms (chat and bookings would
 * wait behind every mail of a burst of reminders), and mjml with its dependencies is about 16 MiB
 * of heap that every major collection of the main thread would otherwise mark for the life of the
 * process. The worker starts with the first mail and ends after a minute without one.
 */

const IDLE_MS = 60_000;

export interface MjmlResult {
  html: string;
  /** MJML's validation messages; with strict validation, any of them means no usable HTML. */
  errors: string[];
}

type WorkerReply = { id: number; html: string; errors: string[] } | { id: number; failure: string };

interface Pending {
  resolve: (result: MjmlResult) => void;
  reject: (error: Error) => void;
}

// Plain CommonJS, evaluated by the worker, so that it runs the same under tsx, vitest and the
// built server (none of them would load a TypeScript worker file the same way). mjml is required
// by the absolute path resolved here.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const mjml2html = require(workerData.mjmlPath);
parentPort.on('message', async ({ id, markup }) => {
  try {
    const { html, errors } = await mjml2html(markup, { validationLevel: 'strict' });
    parentPort.postMessage({ id, html, errors: errors.map((error) => error.formattedMessage) });
  } catch (error) {
    parentPort.postMessage({ id, failure: error instanceof Error ? error.message : String(error) });
  }
});
`;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
let idleTimer: NodeJS.Timeout | undefined;

function failAll(error: Error): void {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const started = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { mjmlPath: createRequire(import.meta.url).resolve('mjml') },
  });
  started.on('message', (reply: WorkerReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('failure' in reply) waiting.reject(new Error(reply.failure));
    else waiting.resolve({ html: reply.html, errors: reply.errors });
    if (pending.size === 0) {
      started.unref();
      scheduleIdleEnd();
    }
  });
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => {
    if (worker === started) worker = null;
    if (pending.size > 0) failAll(new Error(`the e-mail renderer stopped (exit code ${code})`));
  });
  return started;
}

function scheduleIdleEnd(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closeMjmlWorker(), IDLE_MS);
  idleTimer.unref();
}

/** Renders MJML markup to HTML in the worker thread, starting it when none runs. */
export function renderMjml(markup: string): Promise<MjmlResult> {
  clearTimeout(idleTimer);
  worker ??= startWorker();
  // Referenced while a mail waits for it; a worker with nothing to do keeps no process alive.
  if (pending.size === 0) worker.ref();
  const id = nextId++;
  const result = new Promise<MjmlResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
  });
  worker.postMessage({ id, markup });
  return result;
}

/** Ends the worker (idle, or the server shutting down); the next mail starts a new one. */
export async function closeMjmlWorker(): Promise<void> {
  clearTimeout(idleTimer);
  const running = worker;
  worker = null;
  if (running) await running.terminate();
}
