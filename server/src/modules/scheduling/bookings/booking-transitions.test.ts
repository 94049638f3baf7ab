import type { BookingDTO } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import {
  addMinutes,
  createBookableCoach,
  futureAt,
  halfHourAfter,
  openAvailability,
  type BookableCoach,
} from '../../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';
import { Booking } from './booking.model.js';

let t: TestServer;
let carla: BookableCoach; // requires approval; free cancellation until 24 hours before, then 50 %
let carlaS: SignedIn;
let otherCoach: SignedIn;
let lena: SignedIn;
let tom: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  // Lena and Tom make many requests to Carla here; the limits on pending requests have their own
  // tests (booking-policies.test.ts).
  t = await startTestServer(import.meta.filename, {
    MAX_PENDING_REQUESTS_PER_COACH: '100',
    MAX_PENDING_REQUESTS_TOTAL: '1000',
  });
  carla = await createBookableCoach({
    availability: openAvailability('UTC', {
      requiresApproval: true,
      cancellationPolicy: { freeUntilHours: 24, feePercent: 50 },
    }),
  });
  [carlaS, otherCoach, lena, tom, admin] = await Promise.all([
    sessionFor(carla.user),
    createBookableCoach().then((other) => sessionFor(other.user)),
    createUser().then(sessionFor),
    createUser().then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
});
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const as = (who: SignedIn) => bearer(who.accessToken);
const act = (who: SignedIn, id: string, action: string, body: object = {}) =>
  t.http.post(`/api/bookings/${id}/${action}`).set(as(who)).send(body);

async function request(who: SignedIn, start: string, minutes = 60): Promise<BookingDTO> {
  const res = await t.http
    .post('/api/bookings')
    .set(as(who))
    .send({ coachId: carlaS.user._id, sessionTypeId: carla.types[minutes], start });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as BookingDTO;
}

/** Moves a booking's time into the past (the API never books there). */
async function startedAgo(id: string, minutes: number): Promise<void> {
  const start = new Date(Date.now() - minutes * 60_000);
  await Booking.updateOne(
    { _id: id },
    { $set: { start, end: new Date(start.getTime() + 60 * 60_000) } },
  );
}

describe('confirm and decline', () => {
  it('only the coach confirms; it sets the meeting link and bumps the calendar sequence', async () => {
    const booking = await request(lena, futureAt(3, '09:00'));
    expect(booking.status).toBe('pending');

    const byClient = await act(lena, booking._id, 'confirm');
    expect(byClient.status).toBe(403);
    expect(codeOf(byClient.body)).toBe('FORBIDDEN');
    expect((await act(otherCoach, booking._id, 'confirm')).status).toBe(404);
    expect((await act(tom, booking._id, 'confirm')).status).toBe(404);
    expect((await act(admin, booking._id, 'confirm')).status).toBe(403);
    expect((await t.http.post(`/api/bookings/${booking._id}/confirm`).send({})).status).toBe(401);

    const res = await act(carlaS, booking._id, 'confirm');
    expect(res.status).toBe(200);
    const confirmed = res.body as BookingDTO;
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      allowedActions: ['cancel', 'reschedule'],
      history: [
        { action: 'create', to: 'pending', by: 'client' },
        { action: 'confirm', from: 'pending', to: 'confirmed', by: 'coach' },
      ],
    });
    expect(confirmed.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/coachhub-[0-9a-f]{32}$/);
    expect((await Booking.findById(booking._id).lean())?.icsSequence).toBe(1);

    const again = await act(carlaS, booking._id, 'confirm');
    expect(again.status).toBe(409);
    expect(codeOf(again.body)).toBe('INVALID_TRANSITION');
  });

  it('gives every confirmed booking its own room', async () => {
    const a = await request(tom, futureAt(3, '12:00'));
    const b = await request(lena, futureAt(3, '14:00'));
    const urls = await Promise.all(
      [a, b].map(
        async (booking) =>
          ((await act(carlaS, booking._id, 'confirm')).body as BookingDTO).meetingUrl,
      ),
    );
    expect(new Set(urls).size).toBe(2);
  });

  it('declines with a reason, which frees the time', async () => {
    const start = futureAt(4, '09:00');
    const booking = await request(lena, start);
    const res = await act(carlaS, booking._id, 'decline', { reason: '  Fully booked that week ' });
    expect(res.body).toMatchObject({
      status: 'declined',
      allowedActions: [],
      history: [{}, { action: 'decline', reason: 'Fully booked that week' }],
    });
    expect((await act(carlaS, booking._id, 'confirm')).status).toBe(409);
    await request(tom, start);
  });

  it('lets exactly one of a simultaneous confirm and decline win', async () => {
    for (let round = 0; round < 5; round++) {
      const booking = await request(lena, futureAt(5, `${10 + round}:00`));
      const answers = await Promise.all([
        act(carlaS, booking._id, 'confirm'),
        act(carlaS, booking._id, 'decline'),
      ]);
      expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
      const stored = await Booking.findById(booking._id).lean();
      expect(stored?.history).toHaveLength(2);
      const winner = answers.find((res) => res.status === 200)?.body as BookingDTO;
      expect(stored?.status).toBe(winner.status);
    }
  });

  it('refuses a reason that is too long or an unknown field', async () => {
    const booking = await request(tom, futureAt(6, '09:00'));
    expect((await act(carlaS, booking._id, 'decline', { reason: 'x'.repeat(1001) })).status).toBe(
      400,
    );
    expect((await act(carlaS, booking._id, 'decline', { status: 'confirmed' })).status).toBe(400);
    expect((await act(carlaS, 'nope', 'decline')).status).toBe(400);
    expect((await act(carlaS, booking._id, 'approve')).status).toBe(404);
  });
});

describe('complete and no-show', () => {
  it('are for confirmed sessions that have started, by the coach', async () => {
    const booking = await request(lena, futureAt(7, '09:00'));
    await act(carlaS, booking._id, 'confirm');
    const early = await act(carlaS, booking._id, 'complete');
    expect(early.status).toBe(409);
    expect(codeOf(early.body)).toBe('INVALID_TRANSITION');

    await startedAgo(booking._id, 70);
    expect((await act(lena, booking._id, 'complete')).status).toBe(403);
    const done = await act(carlaS, booking._id, 'complete');
    expect(done.body).toMatchObject({ status: 'completed', allowedActions: [] });
    expect((await act(carlaS, booking._id, 'no-show')).status).toBe(409);

    const missed = await request(tom, futureAt(7, '12:00'));
    await act(carlaS, missed._id, 'confirm');
    await startedAgo(missed._id, 20);
    const res = await act(carlaS, missed._id, 'no-show', { reason: 'Did not join' });
    expect(res.body).toMatchObject({ status: 'no_show' });
  });
});

describe('cancel', () => {
  it('is free for a pending request, however late', async () => {
    const booking = await request(lena, halfHourAfter(2), 30);
    const res = await act(lena, booking._id, 'cancel', { reason: 'Changed my mind' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      cancellation: {
        by: 'client',
        reason: 'Changed my mind',
        fee: { amount: 0, currency: 'EUR' },
      },
    });
  });

  it('charges the policy share when the client cancels a confirmed session late', async () => {
    const booking = await request(lena, halfHourAfter(3), 30);
    await act(carlaS, booking._id, 'confirm');
    const res = await act(lena, booking._id, 'cancel');
    expect((res.body as BookingDTO).cancellation).toMatchObject({
      by: 'client',
      reason: null,
      fee: { amount: 2000, currency: 'EUR' }, // 50 % of 40.00
    });
    expect((await Booking.findById(booking._id).lean())?.cancellation?.feeReason).toBe('late');
    expect((await act(lena, booking._id, 'cancel')).status).toBe(409);
  });

  it('is free early, and always free when the coach cancels', async () => {
    const early = await request(tom, futureAt(9, '09:00'));
    await act(carlaS, early._id, 'confirm');
    const res = await act(tom, early._id, 'cancel');
    expect((res.body as BookingDTO).cancellation?.fee.amount).toBe(0);

    const late = await request(tom, halfHourAfter(5), 30);
    await act(carlaS, late._id, 'confirm');
    const byCoach = await act(carlaS, late._id, 'cancel', { reason: 'Ill' });
    expect((byCoach.body as BookingDTO).cancellation).toMatchObject({
      by: 'coach',
      fee: { amount: 0 },
    });
  });
});

describe('reschedule', () => {
  it('moves the booking, keeps its status, quote and history, and bumps the sequence', async () => {
    const start = futureAt(10, '09:00');
    const booking = await request(lena, start);
    await act(carlaS, booking._id, 'confirm');
    // Overlapping its own old time is fine: a booking does not conflict with itself. (Carla
    // approves changes, so she moves it herself; a client's move would be a request.)
    const moved = await act(carlaS, booking._id, 'reschedule', { start: futureAt(10, '09:30') });
    expect(moved.status).toBe(200);
    const dto = moved.body as BookingDTO;
    expect(dto).toMatchObject({
      status: 'confirmed',
      start: new Date(futureAt(10, '09:30')).toISOString(),
      end: addMinutes(futureAt(10, '09:30'), 60),
      quote: booking.quote,
    });
    expect(dto.history.at(-1)).toMatchObject({
      action: 'reschedule',
      from: 'confirmed',
      to: 'confirmed',
      by: 'coach',
      previousStart: new Date(start).toISOString(),
      previousEnd: addMinutes(start, 60),
    });
    expect((await Booking.findById(booking._id).lean())?.icsSequence).toBe(2);
    // The old time is free again.
    await request(tom, futureAt(10, '08:00'));
  });

  it('checks the new time like a new booking', async () => {
    const mine = await request(lena, futureAt(11, '09:00'));
    await request(tom, futureAt(11, '11:00'));
    const taken = await act(lena, mine._id, 'reschedule', { start: futureAt(11, '11:30') });
    expect(taken.status).toBe(409);
    expect(codeOf(taken.body)).toBe('BOOKING_CONFLICT');
    const offGrid = await act(lena, mine._id, 'reschedule', { start: futureAt(11, '13:10') });
    expect(codeOf(offGrid.body)).toBe('SLOT_UNAVAILABLE');
    const past = await act(carlaS, mine._id, 'reschedule', { start: futureAt(-1, '13:00') });
    expect(codeOf(past.body)).toBe('SLOT_UNAVAILABLE');
    expect((await act(lena, mine._id, 'reschedule', { start: 'later' })).status).toBe(400);
    expect((await act(lena, mine._id, 'reschedule', {})).status).toBe(400);
    expect(
      (await act(otherCoach, mine._id, 'reschedule', { start: futureAt(11, '15:00') })).status,
    ).toBe(404);
    expect((await Booking.findById(mine._id).lean())?.start.toISOString()).toBe(
      new Date(futureAt(11, '09:00')).toISOString(),
    );
    // The coach may move it too; a cancelled booking cannot be moved.
    const byCoach = await act(carlaS, mine._id, 'reschedule', { start: futureAt(11, '15:00') });
    expect(byCoach.body).toMatchObject({ status: 'pending', history: [{}, { by: 'coach' }] });
    await act(lena, mine._id, 'cancel');
    const cancelled = await act(lena, mine._id, 'reschedule', { start: futureAt(11, '16:00') });
    expect(codeOf(cancelled.body)).toBe('INVALID_TRANSITION');
  });
});
