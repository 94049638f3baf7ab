import type { BookingDTO } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { NotificationPage } from '@coachhub/shared/notification';
import type { Quote } from '@coachhub/shared/pricing';
import type { CancellationPolicy } from '@coachhub/shared/scheduling';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  halfHourAfter,
  openAvailability,
  type BookableCoach,
} from '../../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';
import { Booking } from './booking.model.js';

/**
 * The booking rules that keep terms from being gamed: the policy stays the one booked under,
 * the fee window cannot be escaped by moving, discounts count completed sessions only, pending
 * requests are limited (here 3 per coach, as by default, and 5 in total, set by env), and a
 * client's move waits for a coach who approves changes, holding both times.
 */
let t: TestServer;

const POLICY: CancellationPolicy = { freeUntilHours: 24, feePercent: 50 };
const STRICT: CancellationPolicy = { freeUntilHours: 168, feePercent: 100 };

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, { MAX_PENDING_REQUESTS_TOTAL: '5' });
});
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as Partial<ApiErrorBody>).error?.code;
const as = (who: SignedIn) => bearer(who.accessToken);
const act = (who: SignedIn, id: string, action: string, body: object = {}) =>
  t.http.post(`/api/bookings/${id}/${action}`).set(as(who)).send(body);
const iso = (at: string) => new Date(at).toISOString();

interface Coach extends BookableCoach {
  session: SignedIn;
}

/** 60-minute sessions at the default 80.00 EUR an hour: 8000 cents. */
async function coach(requiresApproval: boolean, policy = POLICY): Promise<Coach> {
  const made = await createBookableCoach({
    availability: openAvailability('UTC', { requiresApproval, cancellationPolicy: policy }),
  });
  return { ...made, session: await sessionFor(made.user) };
}

const client = async () => sessionFor(await createUser());

const book = (who: SignedIn, with_: Coach, start: string) =>
  t.http
    .post('/api/bookings')
    .set(as(who))
    .send({ coachId: with_.session.user._id, sessionTypeId: with_.types[60], start });

async function booked(who: SignedIn, with_: Coach, start: string): Promise<BookingDTO> {
  const res = await book(who, with_, start);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as BookingDTO;
}

async function changePolicy(of: Coach, policy: CancellationPolicy, requiresApproval = false) {
  const res = await t.http
    .put(`/api/availability/${of.session.user._id}`)
    .set(as(of.session))
    .send(openAvailability('UTC', { requiresApproval, cancellationPolicy: policy }));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe('the cancellation policy is part of the booking', () => {
  it('keeps the fee of existing bookings when the coach changes the policy later', async () => {
    const carla = await coach(false);
    const [lena, tom, ana] = await Promise.all([client(), client(), client()]);
    const soon = await booked(lena, carla, halfHourAfter(12));
    const inFourDays = await booked(tom, carla, futureAt(4, '10:00'));
    expect(soon.cancellationPolicy).toEqual(POLICY);

    // The coach raises the policy to 100 % a week ahead, after the fact.
    await changePolicy(carla, STRICT);

    const late = await act(lena, soon._id, 'cancel');
    expect(late.status).toBe(200);
    expect((late.body as BookingDTO).cancellation?.fee).toEqual({ amount: 4000, currency: 'EUR' });
    const early = await act(tom, inFourDays._id, 'cancel');
    expect((early.body as BookingDTO).cancellation?.fee).toEqual({ amount: 0, currency: 'EUR' });

    // New bookings are made under the new policy.
    const later = await booked(ana, carla, futureAt(4, '12:00'));
    expect(later.cancellationPolicy).toEqual(STRICT);
    expect((await act(ana, later._id, 'cancel')).body).toMatchObject({
      cancellation: { fee: { amount: 8000 } },
    });
  });

  it("holds a booking without a stored policy to the coach's current one, capped at 24 h and 50 %", async () => {
    const marco = await coach(false, STRICT);
    const lena = await client();
    const start = new Date(halfHourAfter(12));
    const imported = await Booking.create({
      coach: marco.user.id,
      client: lena.user._id,
      sessionType: marco.types[60],
      sessionTypeSnapshot: { title: '60-minute session', durationMinutes: 60, mode: 'video' },
      start,
      end: new Date(start.getTime() + 3_600_000),
      status: 'confirmed',
      quote: { amount: 8000, currency: 'EUR', lines: [] },
      history: [{ action: 'create', from: null, to: 'confirmed', by: 'client', at: new Date() }],
    });
    const read = await t.http.get(`/api/bookings/${imported.id as string}`).set(as(lena));
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('cancellationPolicy');
    expect((read.body as BookingDTO).feeClockStart).toBe(start.toISOString());

    const cancelled = await act(lena, imported.id as string, 'cancel');
    expect((cancelled.body as BookingDTO).cancellation?.fee.amount).toBe(4000);
  });
});

describe('no fee dodging by rescheduling', () => {
  it('refuses a client who moves a confirmed booking inside the fee window (409 RESCHEDULE_IN_FEE_WINDOW); the fee stays', async () => {
    const carla = await coach(false);
    const lena = await client();
    const start = halfHourAfter(20);
    const booking = await booked(lena, carla, start);
    expect(booking.allowedActions).toEqual(['cancel']);

    const moved = await act(lena, booking._id, 'reschedule', { start: futureAt(6, '10:00') });
    expect(moved.status).toBe(409);
    expect(codeOf(moved.body)).toBe('RESCHEDULE_IN_FEE_WINDOW');
    expect((await Booking.findById(booking._id).lean())?.start.toISOString()).toBe(iso(start));

    const cancelled = await act(lena, booking._id, 'cancel');
    expect((cancelled.body as BookingDTO).cancellation?.fee).toEqual({
      amount: 4000,
      currency: 'EUR',
    });
  });

  it('lets a client move outside the window, but the fee clock never moves to a later start', async () => {
    const carla = await coach(false);
    const lena = await client();
    const first = futureAt(3, '09:00');
    const booking = await booked(lena, carla, first);
    expect(booking.allowedActions).toEqual(['cancel', 'reschedule']);

    // Outside the window: moved at once, the clock stays at the earlier start.
    const later = await act(lena, booking._id, 'reschedule', { start: futureAt(9, '09:00') });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({
      start: iso(futureAt(9, '09:00')),
      feeClockStart: iso(first),
    });

    // Moving earlier moves the clock earlier: now the fee window is open ...
    const soon = halfHourAfter(20);
    const earlier = await act(lena, booking._id, 'reschedule', { start: soon });
    expect(earlier.status).toBe(200);
    expect(earlier.body).toMatchObject({ start: iso(soon), feeClockStart: iso(soon) });

    // ... and neither the client nor the coach moving it out again closes it.
    const out = await act(lena, booking._id, 'reschedule', { start: futureAt(8, '09:00') });
    expect(codeOf(out.body)).toBe('RESCHEDULE_IN_FEE_WINDOW');
    const byCoach = await act(carla.session, booking._id, 'reschedule', {
      start: futureAt(8, '09:00'),
    });
    expect(byCoach.status).toBe(200);
    expect(byCoach.body).toMatchObject({
      start: iso(futureAt(8, '09:00')),
      feeClockStart: iso(soon),
    });

    const cancelled = await act(lena, booking._id, 'cancel');
    expect((cancelled.body as BookingDTO).cancellation?.fee.amount).toBe(4000);
  });

  it('lets a still-pending request move freely (it cancels free anyway)', async () => {
    const carla = await coach(true);
    const lena = await client();
    const booking = await booked(lena, carla, halfHourAfter(20));
    const moved = await act(lena, booking._id, 'reschedule', { start: futureAt(6, '10:00') });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'pending', start: iso(futureAt(6, '10:00')) });
  });
});

describe('discounts count completed sessions only', () => {
  async function withDiscounts(): Promise<Coach> {
    const carla = await coach(false);
    const configUrl = `/api/prices/config/${carla.session.user._id}`;
    for (const discount of [
      { kind: 'first_session', label: 'Welcome', percent: 25 },
      { kind: 'volume', label: 'Loyal', percent: 10, minSessions: 3 },
    ]) {
      expect(
        (await t.http.post(`${configUrl}/discounts`).set(as(carla.session)).send(discount)).status,
      ).toBe(201);
    }
    return carla;
  }

  const quote = async (who: SignedIn, of: Coach, start: string) => {
    const res = await t.http
      .post('/api/prices/quote')
      .set(as(who))
      .send({ coachId: of.session.user._id, sessionTypeId: of.types[60], start });
    expect(res.status).toBe(200);
    return res.body as Quote;
  };

  it('does not unlock a volume discount with bookings that are later cancelled for free', async () => {
    const carla = await withDiscounts();
    const lena = await client();
    const first = await booked(lena, carla, futureAt(10, '09:00'));
    expect(first.quote).toMatchObject({
      amount: 6000,
      history: { completedSessions: 0, firstSession: true },
    });
    const held = [first];
    for (const hour of ['11:00', '13:00', '15:00'])
      held.push(await booked(lena, carla, futureAt(10, hour)));

    // Four sessions held, none completed: no volume discount, and no longer a first session.
    const fifth = await booked(lena, carla, futureAt(11, '09:00'));
    expect(fifth.quote).toEqual({
      amount: 8000,
      currency: 'EUR',
      lines: [{ kind: 'base', label: '60-minute session', amount: 8000 }],
      history: { completedSessions: 0, firstSession: false },
    });
    for (const booking of held) expect((await act(lena, booking._id, 'cancel')).status).toBe(200);
  });

  it('counts completed sessions, says how many it counted, and stores that with the booking', async () => {
    const carla = await withDiscounts();
    const lena = await client();
    for (const day of [20, 21, 22]) {
      const booking = await booked(lena, carla, futureAt(day, '09:00'));
      // Move the session into the past (the API never books there) so it can be completed.
      const startAt = new Date(Date.now() - (day + 1) * 3_600_000);
      await Booking.updateOne(
        { _id: booking._id },
        { $set: { start: startAt, end: new Date(startAt.getTime() + 3_600_000) } },
      );
      expect((await act(carla.session, booking._id, 'complete')).status).toBe(200);
    }
    // A no-show does not count for volume either.
    const missed = await booked(lena, carla, futureAt(23, '09:00'));
    await Booking.updateOne({ _id: missed._id }, { $set: { status: 'no_show' } });

    const quoted = await quote(lena, carla, futureAt(12, '09:00'));
    expect(quoted).toMatchObject({
      amount: 7200,
      lines: [{ kind: 'base' }, { kind: 'volume', label: 'Loyal', amount: -800 }],
      history: { completedSessions: 3, firstSession: false },
    });
    const next = await booked(lena, carla, futureAt(12, '09:00'));
    expect(next.quote).toEqual(quoted);
  });
});

describe('no slot hoarding', () => {
  it('allows 3 pending requests per coach, then answers 409 TOO_MANY_PENDING_REQUESTS', async () => {
    const carla = await coach(true);
    const lena = await client();
    const pending = [];
    for (const hour of ['09:00', '11:00', '13:00'])
      pending.push(await booked(lena, carla, futureAt(5, hour)));
    const fourth = await book(lena, carla, futureAt(5, '15:00'));
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({
      error: { code: 'TOO_MANY_PENDING_REQUESTS', details: { limit: 'per_coach', max: 3 } },
    });

    // An answered or withdrawn request no longer counts.
    expect((await act(carla.session, pending[0]?._id ?? '', 'confirm')).status).toBe(200);
    await booked(lena, carla, futureAt(5, '15:00'));
    expect(codeOf((await book(lena, carla, futureAt(5, '17:00'))).body)).toBe(
      'TOO_MANY_PENDING_REQUESTS',
    );
    expect((await act(lena, pending[1]?._id ?? '', 'cancel')).status).toBe(200);
    await booked(lena, carla, futureAt(5, '17:00'));
    // Instant bookings are not requests: a coach without approval takes them.
    const marco = await coach(false);
    await booked(lena, marco, futureAt(5, '19:00'));
  });

  it('allows MAX_PENDING_REQUESTS_TOTAL (here 5) pending requests across coaches', async () => {
    const [a, b, c] = await Promise.all([coach(true), coach(true), coach(true)]);
    const lena = await client();
    for (const hour of ['09:00', '11:00', '13:00']) await booked(lena, a, futureAt(6, hour));
    for (const hour of ['15:00', '17:00']) await booked(lena, b, futureAt(6, hour));
    const sixth = await book(lena, c, futureAt(7, '09:00'));
    expect(sixth.status).toBe(409);
    expect(sixth.body).toMatchObject({
      error: { code: 'TOO_MANY_PENDING_REQUESTS', details: { limit: 'total', max: 5 } },
    });
  });

  it('holds under concurrency: of 10 simultaneous requests to one coach exactly 3 get through', async () => {
    const carla = await coach(true);
    const lena = await client();
    const hours = Array.from({ length: 10 }, (_, i) => `${String(8 + i).padStart(2, '0')}:00`);
    const answers = await Promise.all(hours.map((hour) => book(lena, carla, futureAt(8, hour))));
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    for (const res of answers.filter((answer) => answer.status !== 201)) {
      expect(res.status).toBe(409);
      expect(codeOf(res.body)).toBe('TOO_MANY_PENDING_REQUESTS');
    }
    expect(await Booking.countDocuments({ client: lena.user._id, status: 'pending' })).toBe(3);
  });

  it('holds under concurrency across coaches: of 8 simultaneous requests exactly 5 get through', async () => {
    const coaches = await Promise.all([coach(true), coach(true), coach(true), coach(true)]);
    const lena = await client();
    const answers = await Promise.all(
      coaches.flatMap((of, i) =>
        ['09:00', '11:00'].map((hour) => book(lena, of, futureAt(9 + i, hour))),
      ),
    );
    expect(answers.filter((res) => res.status === 201)).toHaveLength(5);
    expect(answers.filter((res) => codeOf(res.body) === 'TOO_MANY_PENDING_REQUESTS')).toHaveLength(
      3,
    );
    expect(await Booking.countDocuments({ client: lena.user._id, status: 'pending' })).toBe(5);
  });
});

describe("a client's move when the coach approves changes", () => {
  async function confirmedWith(carla: Coach, who: SignedIn, start: string): Promise<BookingDTO> {
    const booking = await booked(who, carla, start);
    expect((await act(carla.session, booking._id, 'confirm')).status).toBe(200);
    return booking;
  }

  it('waits for the coach, holding the old and the new time; approving moves it', async () => {
    const carla = await coach(true);
    const [lena, tom] = await Promise.all([client(), client()]);
    const start = futureAt(5, '09:00');
    const wanted = futureAt(6, '09:00');
    const booking = await confirmedWith(carla, lena, start);

    const asked = await act(lena, booking._id, 'reschedule', { start: wanted });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({
      status: 'confirmed',
      start: iso(start),
      pendingReschedule: { start: iso(wanted), end: iso(futureAt(6, '10:00')) },
      history: [
        {},
        {},
        { action: 'request_reschedule', by: 'client', requestedStart: iso(wanted) },
      ],
    });
    const forCarla = await t.http.get(`/api/bookings/${booking._id}`).set(as(carla.session));
    expect((forCarla.body as BookingDTO).allowedActions).toEqual([
      'cancel',
      'reschedule',
      'approve_reschedule',
      'decline_reschedule',
    ]);

    // Both times are held: nobody else can take either.
    expect(codeOf((await book(tom, carla, start)).body)).toBe('BOOKING_CONFLICT');
    expect(codeOf((await book(tom, carla, wanted)).body)).toBe('BOOKING_CONFLICT');
    const slots = await t.http.get(`/api/coaches/${carla.session.user._id}/slots`).query({
      sessionTypeId: carla.types[60],
      from: futureAt(5, '00:00'),
      to: futureAt(7, '00:00'),
    });
    const offered = (slots.body as { slots: { start: string }[] }).slots.map((slot) => slot.start);
    expect(offered).not.toContain(iso(start));
    expect(offered).not.toContain(iso(wanted));

    // Only the coach answers.
    expect((await act(lena, booking._id, 'approve-reschedule')).status).toBe(403);
    const approved = await act(carla.session, booking._id, 'approve-reschedule');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'confirmed',
      start: iso(wanted),
      pendingReschedule: null,
      feeClockStart: iso(start),
    });
    expect((approved.body as BookingDTO).history.at(-1)).toMatchObject({
      action: 'approve_reschedule',
      by: 'coach',
      previousStart: iso(start),
    });
    expect((await Booking.findById(booking._id).lean())?.icsSequence).toBe(2);
    // The old time is free again; answering twice is refused.
    await booked(tom, carla, start);
    expect(codeOf((await act(carla.session, booking._id, 'approve-reschedule')).body)).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('declining keeps the booking at its time, frees the requested one and tells the client', async () => {
    const carla = await coach(true);
    const [lena, tom] = await Promise.all([client(), client()]);
    const start = futureAt(5, '13:00');
    const wanted = futureAt(7, '13:00');
    const booking = await confirmedWith(carla, lena, start);
    expect((await act(lena, booking._id, 'reschedule', { start: wanted })).status).toBe(202);

    const declined = await act(carla.session, booking._id, 'decline-reschedule', {
      reason: 'I am away that day',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'confirmed',
      start: iso(start),
      pendingReschedule: null,
    });
    await booked(tom, carla, wanted);
    expect(codeOf((await book(tom, carla, start)).body)).toBe('BOOKING_CONFLICT');

    await t.server.events.settled();
    const notes = await t.http.get('/api/notifications').set(as(lena));
    expect((notes.body as NotificationPage).items[0]).toMatchObject({
      type: 'booking.reschedule_declined',
      params: { requestedStart: iso(wanted), start: iso(start), reason: 'I am away that day' },
    });
  });

  it('a new request replaces the waiting one; a cancellation frees both times', async () => {
    const carla = await coach(true);
    const [lena, tom] = await Promise.all([client(), client()]);
    const start = futureAt(5, '15:00');
    const booking = await confirmedWith(carla, lena, start);
    expect(
      (await act(lena, booking._id, 'reschedule', { start: futureAt(8, '15:00') })).status,
    ).toBe(202);
    const again = await act(lena, booking._id, 'reschedule', { start: futureAt(9, '15:00') });
    expect(again.body).toMatchObject({ pendingReschedule: { start: iso(futureAt(9, '15:00')) } });
    await booked(tom, carla, futureAt(8, '15:00'));

    expect((await act(lena, booking._id, 'cancel')).status).toBe(200);
    const stored = await Booking.findById(booking._id).lean();
    expect(stored?.pendingReschedule).toBeNull();
    await booked(tom, carla, futureAt(9, '15:00'));
  });
});
