/**
 * Slots through the real server: createServer() on the embedded database (rate limits off), one
 * approved coach in Europe/Berlin with 3 intervals every day, 10 + 15 minutes of buffers, a daily
 * limit of 12 and 200 active bookings over the next 30 days, among 5,000 bookings of other
 * coaches; then GET /api/coaches/:userId/slots for a 30-minute session type over those 30 days
 * (the route's validation, the coach and session type lookups, availability, the bookings query
 * and computeSlots), against GET /health in the same run. Keep-alive HTTP, a few requests in
 * flight, several rounds.
 *
 *   npm run bench:slots-http
 */
import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SlotsResponse } from '@coachhub/shared/booking';
import type { WeeklyInterval } from '@coachhub/shared/scheduling';
import { Types } from 'mongoose';
import { loadConfig } from '../server/src/core/config/config.js';
import { Availability } from '../server/src/modules/scheduling/availability/availability.model.js';
import { Booking } from '../server/src/modules/scheduling/bookings/booking.model.js';
import { Coach } from '../server/src/modules/coaches/coach.model.js';
import { SessionType } from '../server/src/modules/scheduling/session-types/session-type.model.js';
import { User } from '../server/src/modules/users/user.model.js';
import { createServer } from '../server/src/server.js';
import { get, load, summary, type Sample } from './lib/http-load.js';
import { printTable } from './lib/stats.js';

const DAYS = 30;
const BOOKINGS = 200;
const OTHER_BOOKINGS = 5_000;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
/** Requests in flight: 1 measures latency (the target), 4 adds queueing on the server's one thread. */
const CONCURRENCY_LEVELS = [1, 4] as const;
const WARM_UP = 40;
const ROUNDS = 3;
const TARGET_P95_MS = 20;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const weekly: WeeklyInterval[] = ([0, 1, 2, 3, 4, 5, 6] as const).flatMap((weekday) => [
  { weekday, start: '08:00', end: '12:00' },
  { weekday, start: '13:00', end: '17:00' },
  { weekday, start: '18:00', end: '21:00' },
]);

function bookingAt(
  coach: Types.ObjectId,
  client: Types.ObjectId,
  sessionType: Types.ObjectId,
  start: Date,
) {
  const now = new Date();
  return {
    coach,
    client,
    sessionType,
    sessionTypeSnapshot: { title: 'Session', durationMinutes: 30, mode: 'video' },
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    status: 'confirmed',
    quote: { amount: 4000, currency: 'EUR', lines: [] },
    notes: null,
    meetingUrl: null,
    cancellation: null,
    history: [],
    icsSequence: 0,
    revision: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** Bookings at pseudo-random half hours of the working day (07:00-20:00 UTC) over DAYS days. */
function startsFrom(origin: Date, count: number, seed: number): Date[] {
  const next = generator(seed);
  return Array.from({ length: count }, () => {
    const day = Math.floor(next() * DAYS);
    const halfHour = 14 + Math.floor(next() * 26);
    const start = new Date(origin.getTime() + day * DAY_MS);
    start.setUTCHours(0, halfHour * 30, 0, 0);
    return start;
  });
}

async function insertData(origin: Date): Promise<{ coachId: string; sessionTypeId: string }> {
  const now = new Date();
  const coachId = new Types.ObjectId();
  const clientId = new Types.ObjectId();
  const sessionTypeId = new Types.ObjectId();
  await User.collection.insertMany(
    [coachId, clientId].map((_id, index) => ({
      _id,
      email: `bench.slots${index}@example.com`,
      firstName: 'Bench',
      lastName: index === 0 ? 'Coach' : 'Client',
      role: index === 0 ? 'coach' : 'client',
      status: 'active',
      locale: 'en',
      timeZone: 'Europe/Berlin',
      profilePicture: null,
      // Never used to sign in.
      passwordHash: 'not-a-bcrypt-hash',
      createdAt: now,
      updatedAt: now,
    })),
  );
  await Coach.collection.insertOne({
    user: coachId,
    firstName: 'Bench',
    lastName: 'Coach',
    userStatus: 'active',
    headline: '',
    bio: '',
    specialties: [],
    languages: ['en'],
    certifications: [],
    yearsOfExperience: 0,
    timeZone: 'Europe/Berlin',
    coachProfilePicture: null,
    verification: {
      status: 'approved',
      reason: null,
      submittedAt: now,
      reviewedAt: now,
      reviewedBy: null,
    },
    listed: true,
    rating: { average: 0, count: 0 },
    bookingSettings: null,
    priceFrom: null,
    createdAt: now,
    updatedAt: now,
  });
  await SessionType.collection.insertOne({
    _id: sessionTypeId,
    coach: coachId,
    title: 'Session',
    slug: 'session',
    durationMinutes: 30,
    description: '',
    mode: 'video',
    active: true,
    createdAt: now,
    updatedAt: now,
  });
  await Availability.collection.insertOne({
    coach: coachId,
    timeZone: 'Europe/Berlin',
    weekly,
    overrides: [
      { date: new Date(origin.getTime() + 6 * DAY_MS).toISOString().slice(0, 10), intervals: [] },
    ],
    settings: {
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 15,
      minNoticeHours: 12,
      maxDaysAhead: 60,
      dailyLimit: 12,
      requiresApproval: false,
      cancellationPolicy: { freeUntilHours: 24, feePercent: 50 },
    },
    createdAt: now,
    updatedAt: now,
  });
  const own = startsFrom(origin, BOOKINGS, 42).map((start) =>
    bookingAt(coachId, clientId, sessionTypeId, start),
  );
  const others = startsFrom(origin, OTHER_BOOKINGS, 7).map((start, index) =>
    bookingAt(
      new Types.ObjectId(),
      new Types.ObjectId(),
      new Types.ObjectId(),
      new Date(start.getTime() + (index % 3) * 60_000),
    ),
  );
  // Straight through the driver: the benchmark measures reading slots, not inserting bookings.
  await Booking.collection.insertMany([...own, ...others]);
  return { coachId: coachId.toString(), sessionTypeId: sessionTypeId.toString() };
}

/**
 * The database in a process of its own, as in any deployment (and as the server's own embedded
 * engine is not: it would share the server's one thread). BENCH_MONGODB_URI points at another
 * database instead (e.g. a real mongod).
 */
async function startDatabase(): Promise<{ uri: string; stop: () => void }> {
  if (process.env.BENCH_MONGODB_URI) return { uri: process.env.BENCH_MONGODB_URI, stop: () => {} };
  const child = spawn(
    process.execPath,
    ['tools/memory-mongo/bin/memory-mongo.js', '--port', '0', '--quiet'],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const uri = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`memory-mongo exited with ${code}`)));
  });
  return { uri: uri.replace('/?', '/coachhub_bench_slots?'), stop: () => child.kill('SIGTERM') };
}

async function main(): Promise<void> {
  const uploadsDir = await mkdtemp(path.join(tmpdir(), 'coachhub-bench-'));
  const database = await startDatabase();
  const { config } = loadConfig({
    MONGODB_URI: database.uri,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'false',
    RATE_LIMIT_API_PER_MINUTE: '0',
    JWT_ACCESS_SECRET: 'bench-secret-bench-secret-bench-secret',
    UPLOADS_DIR: uploadsDir,
  });
  const server = await createServer(config);
  const agent = new Agent({ keepAlive: true, maxSockets: Math.max(...CONCURRENCY_LEVELS) });
  try {
    // Tomorrow, 00:00 UTC: the 30 days of slots all lie ahead.
    const origin = new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS);
    const { coachId, sessionTypeId } = await insertData(origin);
    const { port } = await server.listen(0);
    const query = new URLSearchParams({
      sessionTypeId,
      from: origin.toISOString(),
      to: new Date(origin.getTime() + DAYS * DAY_MS).toISOString(),
      timeZone: 'America/New_York',
    });
    const slotsPath = `/api/coaches/${coachId}/slots?${query.toString()}`;

    const probe = JSON.parse((await get(agent, port, slotsPath)).body) as SlotsResponse;
    if (probe.slots.length === 0) throw new Error('no slots computed');
    await load(agent, port, slotsPath, WARM_UP, 1);
    await load(agent, port, '/health', WARM_UP, 1);

    const rows: string[][] = [];
    let latencyP95 = Number.NaN;
    for (const inFlight of CONCURRENCY_LEVELS) {
      const slots: Sample[] = [];
      const health: Sample[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        slots.push(await load(agent, port, slotsPath, REQUESTS, inFlight));
        health.push(await load(agent, port, '/health', REQUESTS, inFlight));
      }
      const s = summary(slots);
      const h = summary(health);
      if (inFlight === 1) latencyP95 = s.p95;
      rows.push(
        [
          `slots, 30 days (${inFlight} in flight)`,
          s.perSecond.toFixed(0),
          s.p50.toFixed(1),
          s.p95.toFixed(1),
        ],
        [
          `/health (${inFlight} in flight)`,
          h.perSecond.toFixed(0),
          h.p50.toFixed(1),
          h.p95.toFixed(1),
        ],
      );
    }
    printTable(['GET', 'requests/s', 'p50 (ms)', 'p95 (ms)'], rows);
    console.log(
      `\nslots: ${probe.slots.length} per answer; target p95 <= ${TARGET_P95_MS} ms one request at a time ` +
        `(${latencyP95 <= TARGET_P95_MS ? 'met' : 'MISSED'}: ${latencyP95.toFixed(1)} ms); ` +
        `database: ${server.database.kind === 'external' ? 'memory-mongo in its own process' : server.database.kind}; ` +
        `${BOOKINGS} bookings of this coach among ${BOOKINGS + OTHER_BOOKINGS}; ` +
        `${ROUNDS} rounds x ${REQUESTS} requests per level; node ${process.version}`,
    );
    if (latencyP95 > TARGET_P95_MS) process.exitCode = 1;
  } finally {
    agent.destroy();
    await server.close();
    database.stop();
    await rm(uploadsDir, { recursive: true, force: true });
  }
}

await main();
