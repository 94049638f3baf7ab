/**
 * SIGTERM under keep-alive load drops nothing: requests already sent are answered (with
 * `Connection: close` while draining), nobody's connection is cut while they send, and every
 * booking the clients were told about exists while none of the unanswered ones does. A real server
 * process (the entry point), its database in another process, plain HTTP keep-alive clients.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IDEMPOTENCY_KEY_HEADER } from '@coachhub/shared/booking';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  startEngineProcess,
  startServerProcess,
  stopProcess,
  type EngineProcess,
  type ServerProcess,
} from '../../../test/processes.js';
import { createBookableCoach, type BookableCoach } from '../../../test/scheduling-fixtures.js';
import { withDatabaseName } from '../../../test/test-server.js';
import { Booking } from '../../modules/scheduling/bookings/booking.model.js';

const WORKERS = 10;
const LOAD_BEFORE_SIGTERM_MS = 1500;
const HALF_HOUR_MS = 30 * 60_000;

let engine: EngineProcess;
let server: ServerProcess;
let uploadsDir: string;
let coach: BookableCoach;
let clients: SignedIn[];

beforeAll(async () => {
  engine = await startEngineProcess();
  const uri = withDatabaseName(engine.uri, 'coachhub_graceful_shutdown');
  uploadsDir = await mkdtemp(path.join(tmpdir(), 'coachhub-shutdown-'));
  server = await startServerProcess(uri, uploadsDir, { SHUTDOWN_DRAIN_MS: '1000' });
  await mongoose.connect(uri);
  coach = await createBookableCoach({ durations: [30] });
  clients = await Promise.all(Array.from({ length: WORKERS }, () => createUser().then(sessionFor)));
}, 90_000);

afterAll(async () => {
  await stopProcess(server?.child);
  await stopProcess(engine?.child);
  await mongoose.disconnect();
  await rm(uploadsDir, { recursive: true, force: true });
});

interface Outcome {
  kind: 'booking' | 'read';
  key: string | null;
  status: number | null;
  error: string | null;
  bookingId: string | null;
  closing: boolean;
  /** Answered (or failed) after SIGTERM was sent. */
  afterSigterm: boolean;
}

/** One request on the shared keep-alive agent; errors come back as their code. */
function send(
  agent: Agent,
  method: 'GET' | 'POST',
  url: string,
  token: string,
  body?: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; closing: boolean } | { error: string }> {
  return new Promise((resolve) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = httpRequest(
      url,
      {
        method,
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(payload
            ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text,
            closing: res.headers.connection === 'close',
          }),
        );
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ error: error.code ?? error.message }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message }),
    );
    req.end(payload);
  });
}

describe('graceful shutdown', () => {
  it('answers every request already sent, cuts no connection, loses no booking', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: WORKERS });
    const outcomes: Outcome[] = [];
    let sigtermSent = false;
    let slot = 0;
    // Half-hour slots from tomorrow on, one per booking request, never the same twice.
    const firstSlot = Math.ceil((Date.now() + 26 * 3_600_000) / HALF_HOUR_MS) * HALF_HOUR_MS;

    const worker = async (client: SignedIn, index: number) => {
      for (let round = 0; ; round += 1) {
        const booking = round % 2 === 0;
        const key = booking ? `shutdown-${index}-${round}` : null;
        const start = new Date(firstSlot + slot++ * HALF_HOUR_MS).toISOString();
        const answer = booking
          ? await send(
              agent,
              'POST',
              `${server.baseUrl}/api/bookings`,
              client.accessToken,
              { coachId: coach.user.id, sessionTypeId: coach.types[30], start },
              { [IDEMPOTENCY_KEY_HEADER]: key ?? '' },
            )
          : await send(
              agent,
              'GET',
              `${server.baseUrl}/api/coaches/${coach.user.id}`,
              client.accessToken,
            );
        const afterSigterm = sigtermSent;
        if ('error' in answer) {
          outcomes.push({
            kind: booking ? 'booking' : 'read',
            key,
            status: null,
            error: answer.error,
            bookingId: null,
            closing: false,
            afterSigterm,
          });
          // The process stopped listening: nothing more reaches it.
          if (answer.error === 'ECONNREFUSED') return;
          continue;
        }
        outcomes.push({
          kind: booking ? 'booking' : 'read',
          key,
          status: answer.status,
          error: null,
          bookingId:
            booking && answer.status === 201
              ? (JSON.parse(answer.body) as { _id: string })._id
              : null,
          closing: answer.closing,
          afterSigterm,
        });
      }
    };

    const load = Promise.all(clients.map((client, index) => worker(client, index)));
    await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_SIGTERM_MS));
    const exited = new Promise<number | null>((resolve) =>
      server.child.once('exit', (code) => resolve(code)),
    );
    sigtermSent = true;
    server.child.kill('SIGTERM');
    await load;
    expect(await exited).toBe(0);
    agent.destroy();

    const errors = outcomes.flatMap((outcome) => (outcome.error ? [outcome.error] : []));
    // Refused connections never reached the server; anything else means a request was cut.
    expect(errors.filter((code) => code !== 'ECONNREFUSED')).toEqual([]);
    const answered = outcomes.filter((outcome) => outcome.status !== null);
    expect(answered.every((outcome) => outcome.status === 200 || outcome.status === 201)).toBe(
      true,
    );
    // The drain was exercised: requests sent before SIGTERM were answered after it, each
    // asking its client to close the connection.
    const drained = answered.filter((outcome) => outcome.afterSigterm);
    expect(drained.length).toBeGreaterThan(0);
    expect(drained.every((outcome) => outcome.closing)).toBe(true);

    const stored = await Booking.find({ coach: coach.user.id }).select('_id idempotencyKey').lean();
    const storedIds = new Set(stored.map((booking) => booking._id.toString()));
    const storedKeys = new Set(stored.map((booking) => booking.idempotencyKey));
    const created = outcomes.filter((outcome) => outcome.bookingId !== null);
    expect(created.length).toBeGreaterThan(0);
    for (const outcome of created) expect(storedIds.has(outcome.bookingId ?? '')).toBe(true);
    const unanswered = outcomes.filter((outcome) => outcome.kind === 'booking' && outcome.error);
    for (const outcome of unanswered) expect(storedKeys.has(outcome.key ?? undefined)).toBe(false);
    expect(stored).toHaveLength(created.length);
  }, 60_000);
});
