/**
 * SIGTERM under keep-alive load drops nothing: requests already sent are answered (with
 * `Connection: close` while draining), nobody's connection is cut while they send, and every
 * booking the clients were told about exists while none of the unanswered ones does. A real server
 * process (the entry point), its database in another process, plain HTTP keep-alive clients.
 *
 * Nothing here depends on how fast the machine is: SIGTERM goes out once every client's keep-alive
 * connection has carried answers, the drain is seen by the server refusing new connections (not
 * guessed from the test's clock, which runs ahead of the server's signal handling), and the cut
 * after SHUTDOWN_TIMEOUT_SECONDS, which this test is not about, is set far beyond what a loaded
 * machine needs to answer the requests in flight.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, get as httpGet, request as httpRequest } from 'node:http';
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
/** Answers each client has had on its connection before SIGTERM: the connection is reused. */
const ANSWERS_BEFORE_SIGTERM = 2;
const HALF_HOUR_MS = 30 * 60_000;

let engine: EngineProcess;
let server: ServerProcess;
let uploadsDir: string;
/** Each client books its own coach: their bookings do not queue behind one schedule lock. */
let clients: { session: SignedIn; coach: BookableCoach }[];

beforeAll(async () => {
  engine = await startEngineProcess();
  const uri = withDatabaseName(engine.uri, 'coachhub_graceful_shutdown');
  uploadsDir = await mkdtemp(path.join(tmpdir(), 'coachhub-shutdown-'));
  server = await startServerProcess(uri, uploadsDir, {
    // Long enough for a client on a loaded machine to send again on its idle connection.
    SHUTDOWN_DRAIN_MS: '3000',
    SHUTDOWN_TIMEOUT_SECONDS: '60',
  });
  await mongoose.connect(uri);
  clients = await Promise.all(
    Array.from({ length: WORKERS }, async () => ({
      session: await createUser().then(sessionFor),
      coach: await createBookableCoach({ durations: [30] }),
    })),
  );
}, 90_000);

afterAll(async () => {
  await stopProcess(server?.child);
  await stopProcess(engine?.child);
  await mongoose.disconnect();
  await rm(uploadsDir, { recursive: true, force: true });
});

interface Outcome {
  worker: number;
  kind: 'booking' | 'read';
  key: string | null;
  status: number | null;
  error: string | null;
  bookingId: string | null;
  closing: boolean;
  /** Sent before SIGTERM was. */
  sentBeforeSigterm: boolean;
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

/**
 * A booking whose headers reach the server now (it answers `100 Continue` once it has them, so
 * the request is under way in the app) and whose body follows when `sendBody` is called.
 */
function bookingWithBodyLater(url: string, token: string, body: object, key: string) {
  const payload = JSON.stringify(body);
  const req = httpRequest(url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload),
      Expect: '100-continue',
      [IDEMPOTENCY_KEY_HEADER]: key,
    },
  });
  const headersReceived = new Promise<void>((resolve, reject) => {
    req.once('continue', () => resolve());
    req.once('error', reject);
  });
  const answer = new Promise<
    { status: number; body: string; closing: boolean } | { error: string }
  >((resolve) => {
    req.once('response', (res) => {
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
    });
    req.once('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message }),
    );
  });
  req.flushHeaders();
  return { headersReceived, answer, sendBody: () => req.end(payload) };
}

/**
 * Resolves once the server is draining: it refuses new connections (or, for one it had already
 * accepted, answers `/ready` with 503).
 */
async function drainSeen(baseUrl: string): Promise<void> {
  for (;;) {
    const status = await new Promise<number | string>((resolve) => {
      httpGet(`${baseUrl}/ready`, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    if (status === 'ECONNREFUSED' || status === 503) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('graceful shutdown', () => {
  it('answers every request already sent, cuts no connection, loses no booking', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: WORKERS });
    const outcomes: Outcome[] = [];
    let sigtermSent = false;
    let slot = 0;
    // Half-hour slots from tomorrow on, one per booking request, never the same twice.
    const firstSlot = Math.ceil((Date.now() + 26 * 3_600_000) / HALF_HOUR_MS) * HALF_HOUR_MS;
    const nextStart = () => new Date(firstSlot + slot++ * HALF_HOUR_MS).toISOString();
    const answersOf = (worker: number) =>
      outcomes.filter((outcome) => outcome.worker === worker && outcome.status !== null).length;
    let warmedUp = () => {};
    const allWarmedUp = new Promise<void>((resolve) => (warmedUp = resolve));

    const worker = async ({ session, coach }: (typeof clients)[number], index: number) => {
      for (let round = 0; ; round += 1) {
        const booking = round % 2 === 0;
        const key = booking ? `shutdown-${index}-${round}` : null;
        const sentBeforeSigterm = !sigtermSent;
        const answer = booking
          ? await send(
              agent,
              'POST',
              `${server.baseUrl}/api/bookings`,
              session.accessToken,
              { coachId: coach.user.id, sessionTypeId: coach.types[30], start: nextStart() },
              { [IDEMPOTENCY_KEY_HEADER]: key ?? '' },
            )
          : await send(
              agent,
              'GET',
              `${server.baseUrl}/api/coaches/${coach.user.id}`,
              session.accessToken,
            );
        if ('error' in answer) {
          outcomes.push({
            worker: index,
            kind: booking ? 'booking' : 'read',
            key,
            status: null,
            error: answer.error,
            bookingId: null,
            closing: false,
            sentBeforeSigterm,
          });
          // The process stopped listening: nothing more reaches it.
          if (answer.error === 'ECONNREFUSED') return;
          continue;
        }
        outcomes.push({
          worker: index,
          kind: booking ? 'booking' : 'read',
          key,
          status: answer.status,
          error: null,
          bookingId:
            booking && answer.status === 201
              ? (JSON.parse(answer.body) as { _id: string })._id
              : null,
          closing: answer.closing,
          sentBeforeSigterm,
        });
        if (clients.every((_, other) => answersOf(other) >= ANSWERS_BEFORE_SIGTERM)) warmedUp();
      }
    };

    const load = Promise.all(clients.map((client, index) => worker(client, index)));
    await allWarmedUp;
    // One more booking is under way in the app when SIGTERM comes: its body is still to follow.
    const [lateClient] = clients;
    if (!lateClient) throw new Error('no clients');
    const late = bookingWithBodyLater(
      `${server.baseUrl}/api/bookings`,
      lateClient.session.accessToken,
      {
        coachId: lateClient.coach.user.id,
        sessionTypeId: lateClient.coach.types[30],
        start: nextStart(),
      },
      'shutdown-late-body',
    );
    await late.headersReceived;
    // And one keep-alive connection is idle then: its client sends again once the drain began.
    const idleAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    const profileUrl = `${server.baseUrl}/api/coaches/${lateClient.coach.user.id}`;
    const idleToken = lateClient.session.accessToken;
    expect(await send(idleAgent, 'GET', profileUrl, idleToken)).toMatchObject({ closing: false });
    const exited = new Promise<number | null>((resolve) =>
      server.child.once('exit', (code) => resolve(code)),
    );
    sigtermSent = true;
    server.child.kill('SIGTERM');
    await drainSeen(server.baseUrl);
    late.sendBody();
    const afterIdle = await send(idleAgent, 'GET', profileUrl, idleToken);
    idleAgent.destroy();
    const lateAnswer = await late.answer;
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
    // The request that was under way when the drain began is answered in full, and asked to close
    // its connection although it came before the drain.
    expect(lateAnswer).toMatchObject({ status: 201, closing: true });
    // A request that came during the drain on a connection opened before is answered too, and
    // tells its client to close that connection.
    expect(afterIdle).toMatchObject({ status: 200, closing: true });
    // The drain was exercised: requests sent before SIGTERM were answered during it.
    expect(answered.some((outcome) => outcome.sentBeforeSigterm && outcome.closing)).toBe(true);
    // No client found its connection closed under it: the last answer each one had before its
    // new connection was refused asked it to close.
    for (let index = 0; index < WORKERS; index += 1) {
      const last = answered.filter((outcome) => outcome.worker === index).at(-1);
      expect(last?.closing).toBe(true);
    }

    const stored = await Booking.find({ coach: { $in: clients.map(({ coach }) => coach.user.id) } })
      .select('_id idempotencyKey')
      .lean();
    const storedIds = new Set(stored.map((booking) => booking._id.toString()));
    const storedKeys = new Set(stored.map((booking) => booking.idempotencyKey));
    const lateId = 'body' in lateAnswer ? (JSON.parse(lateAnswer.body) as { _id: string })._id : '';
    expect(storedIds.has(lateId)).toBe(true);
    const created = outcomes.filter((outcome) => outcome.bookingId !== null);
    expect(created.length).toBeGreaterThan(0);
    for (const outcome of created) expect(storedIds.has(outcome.bookingId ?? '')).toBe(true);
    const unanswered = outcomes.filter((outcome) => outcome.kind === 'booking' && outcome.error);
    for (const outcome of unanswered) expect(storedKeys.has(outcome.key ?? undefined)).toBe(false);
    expect(stored).toHaveLength(created.length + 1);
  }, 120_000);
});
