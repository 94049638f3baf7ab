/**
 * A reminder scheduled by one server process that then stops, and due while two other processes
 * run on the same database: it fires exactly once (Agenda locks the job in MongoDB).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BookingDTO } from '@coachhub/shared/booking';
import mongoose from 'mongoose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  startEngineProcess,
  startServerProcess,
  stopProcess,
  type EngineProcess,
  type ServerProcess,
} from '../../../test/processes.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { withDatabaseName } from '../../../test/test-server.js';

const START = futureAt(3, '10:00');
/** From the first process's start: long enough to book, confirm and stop it before it is due. */
const DUE_IN_MS = 30_000;
const TIMEOUT_MS = 120_000;

let engine: EngineProcess;
let uri: string;
let uploadsDir: string;
let running: ServerProcess[] = [];
let coach: BookableCoach;
let coachS: SignedIn;
let client: SignedIn;

beforeAll(async () => {
  engine = await startEngineProcess();
  uri = withDatabaseName(engine.uri, 'coachhub_reminder_restart');
  uploadsDir = await mkdtemp(path.join(tmpdir(), 'coachhub-reminders-'));
  await mongoose.connect(uri);
  coach = await createBookableCoach({
    availability: openAvailability('UTC', { requiresApproval: true }),
    durations: [60],
  });
  [coachS, client] = await Promise.all([sessionFor(coach.user), createUser().then(sessionFor)]);
}, TIMEOUT_MS);

afterAll(async () => {
  await Promise.all(running.map((server) => stopProcess(server.child)));
  await mongoose.disconnect();
  await stopProcess(engine?.child);
  await rm(uploadsDir, { recursive: true, force: true });
});

const remindersOf = (bookingId: string) =>
  mongoose.connection
    .collection('notifications')
    .find({ type: 'booking.reminder', 'params.bookingId': bookingId })
    .toArray();

describe('reminders across a restart and two processes', () => {
  it(
    'fire exactly once for each participant',
    async () => {
      const env = {
        REMINDER_LEAD_MINUTES: String((Date.parse(START) - (Date.now() + DUE_IN_MS)) / 60_000),
        JOBS_PROCESS_EVERY_MS: '200',
      };
      const first = await startServerProcess(uri, uploadsDir, env);
      running = [first];
      const created = await request(first.baseUrl)
        .post('/api/bookings')
        .set(bearer(client.accessToken))
        .send({ coachId: coachS.user._id, sessionTypeId: coach.types[60], start: START });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const booking = created.body as BookingDTO;
      const confirmed = await request(first.baseUrl)
        .post(`/api/bookings/${booking._id}/confirm`)
        .set(bearer(coachS.accessToken))
        .send({});
      expect(confirmed.status).toBe(200);
      // The job is stored before the process goes away (subscribers finish on shutdown).
      await stopProcess(first.child);
      const [job] = await mongoose.connection
        .collection('jobs')
        .find({ 'data.bookingId': booking._id })
        .toArray();
      expect(job?.nextRunAt).toBeInstanceOf(Date);
      expect(await remindersOf(booking._id)).toEqual([]);

      running = await Promise.all([
        startServerProcess(uri, uploadsDir, env),
        startServerProcess(uri, uploadsDir, env),
      ]);
      const dueAt = (job?.nextRunAt as Date).getTime();
      const deadline = Math.max(Date.now(), dueAt) + 30_000;
      while (Date.now() < deadline && (await remindersOf(booking._id)).length < 2) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      // Both processes keep polling for a while: a second run would show up now.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const reminders = await remindersOf(booking._id);
      expect(reminders.map((reminder) => reminder.user.toString()).sort()).toEqual(
        [coachS.user._id, client.user._id].sort(),
      );
    },
    TIMEOUT_MS,
  );
});
