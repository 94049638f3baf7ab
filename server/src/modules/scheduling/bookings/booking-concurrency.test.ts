/**
 * No double booking, ever (domain.md "Bookings"): simultaneous requests for the same or
 * overlapping time, in one server process and across two processes sharing one database. The
 * database decides through the schedule-lock documents; the checks below read what it stored.
 *
 * The file runs its own tools/memory-mongo process (`bin/memory-mongo.js --port 0`), so its
 * thousands of requests neither wait for nor slow down the engine the other test files share.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BookingDTO } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { ACTIVE_BOOKING_STATUSES, type BookingSettings } from '@coachhub/shared/scheduling';
import mongoose from 'mongoose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../../test/scheduling-fixtures.js';
import {
  startEngineProcess,
  startServerProcess,
  stopProcess,
  type EngineProcess,
  type ServerProcess,
} from '../../../../test/processes.js';
import {
  startTestServer,
  withDatabaseName,
  type TestServer,
} from '../../../../test/test-server.js';
import { conflictsWithBookings } from '../../../domain/slots.js';
import { Booking } from './booking.model.js';

const CLIENTS = 50;
const SAME_SLOT_ROUNDS = 20;
const MIXED_ROUNDS = 8;
const TWO_PROCESS_ROUNDS = 5;
const SETTINGS: Partial<BookingSettings> = { bufferBeforeMinutes: 5, bufferAfterMinutes: 10 };

/**
 * Long enough for a loaded CI machine: alone each race takes 15-25 s on two cores, but beside the
 * other test files of a full run (two workers) they took more than 60 s. The time is not what is
 * tested here; the outcome of every round is.
 */
const RACE_TIMEOUT_MS = 180_000;

let engine: EngineProcess;

beforeAll(async () => {
  engine = await startEngineProcess();
});
afterAll(() => stopProcess(engine.child));

type Post = (client: SignedIn, body: object) => Promise<{ status: number; body: unknown }>;

async function clients(count: number): Promise<SignedIn[]> {
  // One bcrypt hash for the whole file (test/fixtures.ts), sessions without the login route.
  const users = await Promise.all(Array.from({ length: count }, () => createUser()));
  return Promise.all(users.map(sessionFor));
}

/** Every active booking of the coach, checked pairwise with buffers: none may overlap. */
async function expectNoOverlaps(coachId: string): Promise<number> {
  const stored = await Booking.find({ coach: coachId, status: { $in: ACTIVE_BOOKING_STATUSES } })
    .sort({ start: 1 })
    .lean();
  const settings = { bufferBeforeMinutes: 5, bufferAfterMinutes: 10 };
  stored.forEach((booking, index) => {
    const others = stored.slice(index + 1);
    expect(
      conflictsWithBookings(booking, others, settings),
      `booking ${booking.start.toISOString()} overlaps another`,
    ).toBe(false);
  });
  return stored.length;
}

/** All clients at once for the same start; exactly one wins, every other one is a conflict. */
async function sameSlotRace(
  post: Post,
  everyone: SignedIn[],
  body: (client: SignedIn) => object,
): Promise<{ created: number; conflicts: number; codes: Set<string> }> {
  const answers = await Promise.all(everyone.map((client) => post(client, body(client))));
  const codes = new Set(
    answers
      .filter((res) => res.status !== 201)
      .map((res) => (res.body as ApiErrorBody).error?.code),
  );
  return {
    created: answers.filter((res) => res.status === 201).length,
    conflicts: answers.filter((res) => res.status === 409).length,
    codes,
  };
}

describe('one server process', () => {
  let t: TestServer;
  let coach: BookableCoach;
  let everyone: SignedIn[];
  let post: Post;

  beforeAll(async () => {
    t = await startTestServer(import.meta.filename, {
      MONGODB_URI: withDatabaseName(engine.uri, 'coachhub_one_process'),
      RATE_LIMIT_API_PER_MINUTE: '0',
    });
    coach = await createBookableCoach({
      availability: openAvailability('UTC', SETTINGS),
      durations: [15, 30, 60],
    });
    everyone = await clients(CLIENTS);
    post = (client, body) =>
      t.http.post('/api/bookings').set(bearer(client.accessToken)).send(body);
  });
  afterAll(() => t.close());

  it(
    `lets exactly one of ${CLIENTS} simultaneous requests for a slot through, ${SAME_SLOT_ROUNDS} rounds`,
    async () => {
      for (let round = 0; round < SAME_SLOT_ROUNDS; round++) {
        // Each round its own slot: days 2..21 at 10:00 UTC.
        const start = futureAt(2 + round, '10:00');
        const result = await sameSlotRace(post, everyone, () => ({
          coachId: coach.user.id,
          sessionTypeId: coach.types[60],
          start,
        }));
        expect(result, `round ${round}`).toMatchObject({ created: 1, conflicts: CLIENTS - 1 });
        expect([...result.codes]).toEqual(['BOOKING_CONFLICT']);
        expect(await expectNoOverlaps(coach.user.id)).toBe(round + 1);
      }
    },
    RACE_TIMEOUT_MS,
  );

  it(
    'never stores two overlapping bookings when different lengths race 15 minutes apart',
    async () => {
      const types = [15, 30, 60] as const;
      let created = 0;
      for (let round = 0; round < MIXED_ROUNDS; round++) {
        const day = 30 + round;
        // Starts every 15 minutes from 14:00 to 15:45; each client asks for one length at one start
        // (15-minute sessions start on any quarter hour, 30 and 60 on the half hour).
        const answers = await Promise.all(
          everyone.map((client, index) => {
            const minutes = types[index % 3] ?? 60;
            const quarter = minutes === 15 ? index % 8 : 2 * (index % 4);
            const start = futureAt(
              day,
              `${14 + Math.floor(quarter / 4)}:${String((quarter % 4) * 15).padStart(2, '0')}`,
            );
            return post(client, {
              coachId: coach.user.id,
              sessionTypeId: coach.types[minutes],
              start,
            });
          }),
        );
        const statuses = answers.map((res) => res.status);
        expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
        const winners = answers.filter((res) => res.status === 201).length;
        expect(winners).toBeGreaterThan(0);
        created += winners;
      }
      expect(await expectNoOverlaps(coach.user.id)).toBe(SAME_SLOT_ROUNDS + created);
    },
    RACE_TIMEOUT_MS,
  );
});

describe('two server processes sharing one database', () => {
  let servers: ServerProcess[] = [];
  let uploadsDir: string;
  let coach: BookableCoach;
  let everyone: SignedIn[];

  beforeAll(async () => {
    const uri = withDatabaseName(engine.uri, 'coachhub_two_processes');
    uploadsDir = await mkdtemp(path.join(tmpdir(), 'coachhub-concurrency-'));
    // Both processes create the indexes (the unique lock owner among them) as they boot.
    servers = await Promise.all([
      startServerProcess(uri, uploadsDir),
      startServerProcess(uri, uploadsDir),
    ]);
    await mongoose.connect(uri);
    coach = await createBookableCoach({
      availability: openAvailability('UTC', SETTINGS),
      durations: [60],
    });
    everyone = await clients(CLIENTS);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => stopProcess(server.child)));
    await mongoose.disconnect();
    await rm(uploadsDir, { recursive: true, force: true });
  });

  it(
    'still lets exactly one request through when they are split between the processes',
    async () => {
      const [first, second] = servers;
      if (!first || !second) throw new Error('two servers expected');
      const processOf = new Map(
        everyone.map((client, index) => [client, index % 2 ? second : first]),
      );
      const post: Post = (client, body) =>
        request(processOf.get(client)?.baseUrl ?? '')
          .post('/api/bookings')
          .set(bearer(client.accessToken))
          .send(body);
      const winners: BookingDTO[] = [];
      for (let round = 0; round < TWO_PROCESS_ROUNDS; round++) {
        const start = futureAt(2 + round, '09:00');
        const answers = await Promise.all(
          everyone.map((client) =>
            post(client, { coachId: coach.user.id, sessionTypeId: coach.types[60], start }),
          ),
        );
        const created = answers.filter((res) => res.status === 201);
        expect(created, `round ${round}`).toHaveLength(1);
        expect(answers.filter((res) => res.status === 409)).toHaveLength(CLIENTS - 1);
        winners.push(created[0]?.body as BookingDTO);
        expect(await expectNoOverlaps(coach.user.id)).toBe(round + 1);
      }
      expect(winners.map((booking) => booking.start)).toHaveLength(TWO_PROCESS_ROUNDS);
    },
    RACE_TIMEOUT_MS,
  );
});
