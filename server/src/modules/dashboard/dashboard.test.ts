import type { CoachOverviewDTO } from '@coachhub/shared/dashboard';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { Currency } from '@coachhub/shared/pricing';
import type { BookingStatus } from '@coachhub/shared/scheduling';
import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Review } from '../reviews/review.model.js';
import { Booking, type BookingFields } from '../scheduling/bookings/booking.model.js';

let t: TestServer;
let berlin: BookableCoach;
let coach: SignedIn;
let client: SignedIn;
let admin: SignedIn;

const ZONE = 'Europe/Berlin';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  berlin = await createBookableCoach({ availability: openAvailability(ZONE) });
  [coach, client, admin] = await Promise.all([
    sessionFor(berlin.user),
    createUser().then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
});
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const overviewOf = (who: SignedIn) =>
  t.http.get('/api/dashboard/coach').set(bearer(who.accessToken));

interface Seed {
  status: BookingStatus;
  start: Date;
  amount?: number;
  currency?: Currency;
  fee?: { at: Date; amount: number };
  pendingReschedule?: Date;
}

/** Bookings written whole, as they would be after their lives (no rules run). */
async function seed(of: BookableCoach, clientId: string, bookings: Seed[]): Promise<void> {
  await Booking.insertMany(
    bookings.map((booking): Partial<BookingFields> => {
      const currency = booking.currency ?? 'EUR';
      const amount = booking.amount ?? 8000;
      return {
        coach: new Types.ObjectId(of.user.id),
        client: new Types.ObjectId(clientId),
        sessionType: new Types.ObjectId(of.types[60]),
        sessionTypeSnapshot: { title: 'Coaching', durationMinutes: 60, mode: 'video' },
        start: booking.start,
        end: new Date(booking.start.getTime() + HOUR),
        status: booking.status,
        quote: { amount, currency, lines: [{ kind: 'base', label: 'Coaching', amount }] },
        cancellation: booking.fee
          ? {
              by: 'client',
              at: booking.fee.at,
              reason: null,
              fee: { amount: booking.fee.amount, currency },
              feeReason: booking.fee.amount > 0 ? 'late' : 'free_window',
            }
          : null,
        pendingReschedule: booking.pendingReschedule
          ? {
              start: booking.pendingReschedule,
              end: new Date(booking.pendingReschedule.getTime() + HOUR),
              requestedAt: new Date(),
            }
          : null,
      };
    }),
  );
}

describe('GET /api/dashboard/coach: who may ask', () => {
  it('answers 401 to anonymous callers and 403 to clients and admins', async () => {
    const anonymous = await t.http.get('/api/dashboard/coach');
    expect(anonymous.status).toBe(401);
    for (const who of [client, admin]) {
      const res = await overviewOf(who);
      expect(res.status).toBe(403);
      expect(codeOf(res.body)).toBe('FORBIDDEN');
    }
  });

  it('refuses query parameters it does not read', async () => {
    const res = await t.http
      .get('/api/dashboard/coach?coachId=0123456789abcdef01234567')
      .set(bearer(coach.accessToken));
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toBe('VALIDATION_FAILED');
  });

  it('gives a new coach twelve empty months in their zone and currency', async () => {
    const fresh = await createBookableCoach({ availability: openAvailability('Asia/Tokyo') });
    const res = await overviewOf(await sessionFor(fresh.user));
    expect(res.status).toBe(200);
    const overview = res.body as CoachOverviewDTO;
    expect(overview).toMatchObject({
      timeZone: 'Asia/Tokyo',
      currency: 'EUR',
      thisWeek: { upcomingSessions: 0 },
      requests: { pendingBookings: 0, pendingReschedules: 0 },
      totals: {
        completedSessions: 0,
        revenue: { amount: 0, currency: 'EUR' },
        cancellationFees: { amount: 0, currency: 'EUR' },
      },
      otherCurrencies: [],
    });
    expect(overview.months).toHaveLength(12);
    expect(overview.months.at(-1)?.month).toBe(
      DateTime.now().setZone('Asia/Tokyo').toFormat('yyyy-MM'),
    );
    expect(overview.months.every((month) => month.revenue === 0)).toBe(true);
    expect(overview.ratings).toHaveLength(12);
    expect(overview.ratings.every((month) => month.average === null && month.count === 0)).toBe(
      true,
    );
  });

  it.each(['UTC', 'America/Argentina/Buenos_Aires'])(
    'groups a coach in %s by their months too',
    async (zone) => {
      const coachThere = await createBookableCoach({ availability: openAvailability(zone) });
      const thisMonth = DateTime.now().setZone(zone).startOf('month');
      await seed(coachThere, client.user._id, [
        { status: 'completed', start: thisMonth.plus({ minutes: 5 }).toJSDate(), amount: 6000 },
      ]);
      const res = await overviewOf(await sessionFor(coachThere.user));
      expect(res.status).toBe(200);
      const overview = res.body as CoachOverviewDTO;
      expect(overview.timeZone).toBe(zone);
      expect(overview.months.at(-1)).toMatchObject({
        month: thisMonth.toFormat('yyyy-MM'),
        completedSessions: 1,
        revenue: 6000,
      });
    },
  );

  it('says clients pay at the session with the manual provider: zeros, nothing listed', async () => {
    const res = await overviewOf(coach);
    expect(res.status).toBe(200);
    const { payments, months } = res.body as CoachOverviewDTO;
    expect(payments).toMatchObject({
      provider: 'manual',
      currency: 'EUR',
      received: 0,
      refunded: 0,
      net: 0,
      otherCurrencies: [],
      recent: [],
    });
    expect(payments?.months.map((month) => month.month)).toEqual(months.map((m) => m.month));
    expect(payments?.months.every((m) => m.received === 0 && m.refunded === 0)).toBe(true);
  });
});

describe('GET /api/dashboard/coach: the figures', () => {
  const now = DateTime.now().setZone(ZONE);
  const monthStart = now.startOf('month');
  const monthsAgo = (months: number) => monthStart.minus({ months }).plus({ days: 14, hours: 10 });
  const key = (at: DateTime) => at.setZone(ZONE).toFormat('yyyy-MM');
  // Within the current month and already past (unless the test runs in its first minutes).
  const earlyThisMonth = (minutes: number) => monthStart.plus({ minutes }).toJSDate();
  const weekEnd = now.startOf('week').plus({ weeks: 1 });
  const ahead = [now.plus({ hours: 1 }), now.plus({ days: 2 }), now.plus({ days: 8 })];
  let overview: CoachOverviewDTO;

  beforeAll(async () => {
    const other = await createBookableCoach({ availability: openAvailability(ZONE) });
    await seed(berlin, client.user._id, [
      // This month: two sessions held and one late cancellation with a fee.
      { status: 'completed', start: earlyThisMonth(1), amount: 8000 },
      { status: 'completed', start: earlyThisMonth(2), amount: 9000 },
      {
        status: 'cancelled',
        start: earlyThisMonth(3),
        fee: { at: earlyThisMonth(3), amount: 4000 },
      },
      // Free cancellations, no-shows and declined requests earn nothing.
      { status: 'cancelled', start: earlyThisMonth(4), fee: { at: earlyThisMonth(4), amount: 0 } },
      { status: 'no_show', start: monthsAgo(1).toJSDate() },
      { status: 'declined', start: monthsAgo(1).toJSDate() },
      // Half an hour before this month began in Berlin (still this month in UTC sometimes).
      { status: 'completed', start: monthStart.minus({ minutes: 30 }).toJSDate(), amount: 7000 },
      // Three months ago, and one older than the twelve months.
      { status: 'completed', start: monthsAgo(3).toJSDate(), amount: 8000 },
      { status: 'completed', start: monthsAgo(12).toJSDate(), amount: 99900 },
      // Booked in dollars before the coach priced in euros.
      { status: 'completed', start: monthsAgo(2).toJSDate(), amount: 5000, currency: 'USD' },
      // Waiting: two requests ahead, one whose time has passed (it can no longer be answered).
      { status: 'pending', start: now.plus({ days: 3 }).toJSDate() },
      { status: 'pending', start: now.plus({ days: 20 }).toJSDate() },
      { status: 'pending', start: now.minus({ hours: 2 }).toJSDate() },
      // Ahead: confirmed sessions, one of them with its client's request to move it.
      ...ahead.map((at, index) => ({
        status: 'confirmed' as const,
        start: at.toJSDate(),
        ...(index === 2 ? { pendingReschedule: at.plus({ days: 1 }).toJSDate() } : {}),
      })),
    ]);
    // Another coach's bookings never count.
    await seed(other, client.user._id, [
      { status: 'completed', start: earlyThisMonth(1), amount: 50000 },
      { status: 'pending', start: now.plus({ days: 1 }).toJSDate() },
    ]);
    const res = await overviewOf(coach);
    expect(res.status).toBe(200);
    overview = res.body as CoachOverviewDTO;
  });

  it('lists the last twelve calendar months in the coach’s zone, oldest first', () => {
    expect(overview.timeZone).toBe(ZONE);
    expect(overview.months.map((month) => month.month)).toEqual(
      Array.from({ length: 12 }, (_, index) => key(monthStart.minus({ months: 11 - index }))),
    );
  });

  it('adds this month’s completed sessions and cancellation fees into its revenue', () => {
    expect(overview.months.at(-1)).toEqual({
      month: key(now),
      completedSessions: 2,
      sessionRevenue: 17000,
      feeCancellations: 1,
      cancellationFees: 4000,
      revenue: 21000,
    });
  });

  it('puts a session into the month it started in the coach’s zone', () => {
    expect(overview.months.at(-2)).toMatchObject({
      month: key(monthStart.minus({ months: 1 })),
      completedSessions: 1,
      revenue: 7000,
    });
    expect(overview.months.at(-4)).toMatchObject({
      month: key(monthsAgo(3)),
      completedSessions: 1,
      revenue: 8000,
    });
  });

  it('totals the twelve months in the coach’s currency and keeps other currencies apart', () => {
    expect(overview.currency).toBe('EUR');
    expect(overview.totals).toEqual({
      completedSessions: 4,
      revenue: { amount: 21000 + 7000 + 8000, currency: 'EUR' },
      cancellationFees: { amount: 4000, currency: 'EUR' },
    });
    expect(overview.otherCurrencies).toEqual([{ amount: 5000, currency: 'USD' }]);
    expect(overview.months.at(-3)).toMatchObject({ month: key(monthsAgo(2)), revenue: 0 });
  });

  it('counts the confirmed sessions still ahead this week and the requests waiting', () => {
    expect(overview.thisWeek).toEqual({
      start: now.startOf('week').toUTC().toISO(),
      end: weekEnd.toUTC().toISO(),
      upcomingSessions: ahead.filter((at) => at < weekEnd).length,
    });
    expect(overview.requests).toEqual({ pendingBookings: 2, pendingReschedules: 1 });
  });

  it('follows a change of currency: amounts in the old one are set apart', async () => {
    const patch = await t.http
      .patch(`/api/prices/config/${coach.user._id}`)
      .set(bearer(coach.accessToken))
      .send({ currency: 'USD' });
    expect(patch.status).toBe(200);
    const after = (await overviewOf(coach)).body as CoachOverviewDTO;
    expect(after.currency).toBe('USD');
    expect(after.totals.revenue).toEqual({ amount: 5000, currency: 'USD' });
    expect(after.otherCurrencies).toEqual([{ amount: 21000 + 7000 + 8000, currency: 'EUR' }]);
  });
});

describe('GET /api/dashboard/coach: the rating trend', () => {
  it('averages the visible reviews received per month in the coach’s zone', async () => {
    const rated = await createBookableCoach({ availability: openAvailability(ZONE) });
    const other = await createBookableCoach({ availability: openAvailability(ZONE) });
    const monthStart = DateTime.now().setZone(ZONE).startOf('month');
    const key = (at: DateTime) => at.setZone(ZONE).toFormat('yyyy-MM');
    const review = (coachId: string, rating: number, at: DateTime, hidden = false) => ({
      booking: new Types.ObjectId(),
      coach: new Types.ObjectId(coachId),
      client: new Types.ObjectId(client.user._id),
      rating,
      comment: '',
      hiddenAt: hidden ? new Date() : null,
      hiddenReason: hidden ? 'Abusive' : null,
      createdAt: at.toJSDate(),
      updatedAt: at.toJSDate(),
    });
    const lastMonth = monthStart.minus({ months: 1 }).plus({ days: 10 });
    await Review.insertMany(
      [
        // This month (its first minutes, already past): 5 and 4, and a hidden 1 left out.
        review(rated.user.id, 5, monthStart.plus({ minutes: 1 })),
        review(rated.user.id, 4, monthStart.plus({ minutes: 2 })),
        review(rated.user.id, 1, monthStart.plus({ minutes: 3 }), true),
        // Last month, and half an hour before this month began in Berlin (last month there too).
        review(rated.user.id, 3, lastMonth),
        review(rated.user.id, 2, monthStart.minus({ minutes: 30 })),
        // Older than the twelve months, and another coach's.
        review(rated.user.id, 1, monthStart.minus({ months: 12 }).plus({ days: 3 })),
        review(other.user.id, 1, monthStart.plus({ minutes: 1 })),
      ],
      { timestamps: false },
    );

    const res = await overviewOf(await sessionFor(rated.user));
    expect(res.status).toBe(200);
    const { ratings, months } = res.body as CoachOverviewDTO;
    expect(ratings.map((month) => month.month)).toEqual(months.map((month) => month.month));
    expect(ratings.at(-1)).toEqual({ month: key(monthStart), count: 2, average: 4.5 });
    expect(ratings.at(-2)).toEqual({
      month: key(monthStart.minus({ months: 1 })),
      count: 2,
      average: 2.5,
    });
    expect(ratings.slice(0, -2).every((month) => month.count === 0 && month.average === null)).toBe(
      true,
    );
  });
});
