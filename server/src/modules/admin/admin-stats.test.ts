import { ADMIN_STATS_DAYS, type AdminStatsDTO } from '@coachhub/shared/admin';
import type { BookingStatus } from '@coachhub/shared/scheduling';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPendingCoach, createTestCoach } from '../../../test/coach-fixtures.js';
import { createUser, sessionFor, type SignedIn, type TestUser } from '../../../test/fixtures.js';
import { as, report } from '../../../test/report-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Booking } from '../scheduling/bookings/booking.model.js';
import { User } from '../users/user.model.js';

/*
 * The figures against a database holding exactly the fixtures below (this file's own database).
 * Times are set relative to the real clock; the per-day series are checked by their UTC dates.
 */

const DAY = 86_400_000;
let t: TestServer;
let admin: SignedIn;
let now: Date;

const utcDate = (at: Date) => at.toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

/** Moves a document's creation time, past what Mongoose's timestamps would allow. */
async function createdAt(collection: typeof User | typeof Booking, id: string, at: Date) {
  await collection.collection.updateOne(
    { _id: new Types.ObjectId(id) },
    { $set: { createdAt: at } },
  );
}

async function seedBooking(coach: TestUser, client: TestUser, status: BookingStatus, made: Date) {
  const start = new Date(now.getTime() + 3 * DAY);
  const [booking] = await Booking.insertMany([
    {
      coach: new Types.ObjectId(coach.id),
      client: new Types.ObjectId(client.id),
      sessionType: new Types.ObjectId(),
      sessionTypeSnapshot: { title: 'Coaching', durationMinutes: 60, mode: 'video' },
      start,
      end: new Date(start.getTime() + 3_600_000),
      status,
      quote: { amount: 8000, currency: 'EUR', lines: [{ kind: 'base', label: 'x', amount: 8000 }] },
    },
  ]);
  if (!booking) throw new Error('not stored');
  await createdAt(Booking, booking.id as string, made);
}

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  now = new Date();
  const adminUser = await createUser({ role: 'admin' });
  admin = await sessionFor(adminUser);
  const [lena, tom, sam] = await Promise.all([
    createUser(),
    createUser(),
    createUser({ status: 'suspended' }),
  ]);
  const [carla, marco, rita] = await Promise.all([
    createTestCoach(),
    createPendingCoach(),
    createTestCoach({
      profile: {
        verification: {
          status: 'rejected',
          reason: 'Incomplete',
          submittedAt: new Date(),
          reviewedAt: new Date(),
          reviewedBy: null,
        },
      },
    }),
  ]);
  // Registered: Tom 3 days ago, Sam 40 days ago (outside the chart), everyone else today.
  await createdAt(User, tom.id, daysAgo(3));
  await createdAt(User, sam.id, daysAgo(40));
  if (!carla || !marco || !rita) throw new Error('coaches missing');
  // Bookings made: two today, one a day ago, one 29 days ago (first day of the chart), one 31.
  await seedBooking(carla, lena, 'confirmed', now);
  await seedBooking(carla, tom, 'pending', now);
  await seedBooking(carla, lena, 'completed', daysAgo(1));
  await seedBooking(marco, tom, 'cancelled', daysAgo(ADMIN_STATS_DAYS - 1));
  await seedBooking(marco, lena, 'completed', daysAgo(ADMIN_STATS_DAYS + 1));
  // Two open reports, one closed.
  const [lenaS, tomS] = await Promise.all([sessionFor(lena), sessionFor(tom)]);
  await report(t, lenaS, { targetType: 'user', targetId: tom.id, reason: 'spam' });
  await report(t, tomS, { targetType: 'user', targetId: lena.id, reason: 'spam' });
  const closed = await report(t, lenaS, {
    targetType: 'coach',
    targetId: carla.id,
    reason: 'fraud',
  });
  await t.http
    .post(`/api/admin/reports/${closed._id}/resolve`)
    .set(as(admin))
    .send({ action: 'dismiss', note: 'Fine' })
    .expect(200);
});
afterAll(() => t.close());

describe('GET /api/admin/stats', () => {
  it('counts users, coaches, bookings and open reports as seeded', async () => {
    const res = await t.http.get('/api/admin/stats').set(as(admin));
    expect(res.status).toBe(200);
    const stats = res.body as AdminStatsDTO;
    expect(stats.users).toEqual({
      total: 7,
      byRole: { client: 3, coach: 3, admin: 1 },
      byStatus: { active: 6, suspended: 1 },
    });
    expect(stats.coaches).toEqual({
      total: 3,
      byVerification: { pending: 1, approved: 1, rejected: 1 },
    });
    expect(stats.bookings.total).toBe(5);
    expect(stats.bookings.byStatus).toMatchObject({
      pending: 1,
      confirmed: 1,
      completed: 2,
      cancelled: 1,
      declined: 0,
      no_show: 0,
    });
    expect(stats.reports).toEqual({ open: 2 });
  });

  it('charts the last 30 UTC days, oldest first, zero-filled', async () => {
    const stats = (await t.http.get('/api/admin/stats').set(as(admin))).body as AdminStatsDTO;
    for (const series of [stats.bookingsPerDay, stats.newUsersPerDay]) {
      expect(series).toHaveLength(ADMIN_STATS_DAYS);
      expect(series[0]?.date).toBe(utcDate(daysAgo(ADMIN_STATS_DAYS - 1)));
      expect(series.at(-1)?.date).toBe(utcDate(now));
    }
    const bookings = Object.fromEntries(stats.bookingsPerDay.map((d) => [d.date, d.count]));
    expect(bookings[utcDate(now)]).toBe(2);
    expect(bookings[utcDate(daysAgo(1))]).toBe(1);
    expect(bookings[utcDate(daysAgo(ADMIN_STATS_DAYS - 1))]).toBe(1);
    expect(stats.bookingsPerDay.reduce((sum, day) => sum + day.count, 0)).toBe(4);
    const users = Object.fromEntries(stats.newUsersPerDay.map((d) => [d.date, d.count]));
    expect(users[utcDate(now)]).toBe(5);
    expect(users[utcDate(daysAgo(3))]).toBe(1);
    expect(stats.newUsersPerDay.reduce((sum, day) => sum + day.count, 0)).toBe(6);
  });

  it('is for admins only', async () => {
    expect((await t.http.get('/api/admin/stats')).status).toBe(401);
    const client = await createUser().then(sessionFor);
    expect((await t.http.get('/api/admin/stats').set(as(client))).status).toBe(403);
    const extra = await t.http.get('/api/admin/stats?days=7').set(as(admin));
    expect(extra.status).toBe(400);
  });
});
