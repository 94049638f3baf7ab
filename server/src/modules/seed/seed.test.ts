import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BookingPage, CoachProfileDTO, SlotsResponse } from '@coachhub/shared/booking';
import type { CoachDirectoryPage } from '@coachhub/shared/coach';
import type { CoachReviewsPage } from '@coachhub/shared/review';
import { ACTIVE_BOOKING_STATUSES } from '@coachhub/shared/scheduling';
import { bearer, sessionFor } from '../../../test/fixtures.js';
import { conflictsWithBookings } from '../../domain/slots.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { createLogger } from '../../core/logger.js';
import { createCoachLifecycle } from '../coaches/coach-lifecycle.js';
import { Coach } from '../coaches/coach.model.js';
import { checkImage } from '../uploads/image-type.js';
import { createLocalStorageDriver } from '../uploads/local-storage.driver.js';
import { User } from '../users/user.model.js';
import { Availability } from '../scheduling/availability/availability.model.js';
import { Booking } from '../scheduling/bookings/booking.model.js';
import { Review } from '../reviews/review.model.js';
import { SessionType } from '../scheduling/session-types/session-type.model.js';
import { ensureAdminAccount } from './admin-bootstrap.js';
import { DEMO_COACHES } from './demo-coaches.js';
import { avatarPng } from './demo-picture.js';
import { ALL_DEMO_ACCOUNTS, DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from './demo-seed.js';

let t: TestServer;
const logger = createLogger({ logLevel: 'silent', isProduction: false });

beforeAll(async () => {
  // Booting with ADMIN_EMAIL/ADMIN_PASSWORD and SEED_DEMO_DATA runs both at startup.
  t = await startTestServer(import.meta.filename, {
    ADMIN_EMAIL: 'Root@Example.com',
    ADMIN_PASSWORD: 'bootstrap admin password',
    SEED_DEMO_DATA: 'true',
  });
});
afterAll(() => t.close());

describe('admin bootstrap', () => {
  it('creates the ADMIN_EMAIL admin at boot, and it can sign in', async () => {
    const admin = await User.findOne({ email: 'root@example.com' }).lean();
    expect(admin).toMatchObject({ role: 'admin', status: 'active' });
    const res = await t.http
      .post('/api/auth/login')
      .send({ email: 'root@example.com', password: 'bootstrap admin password' });
    expect(res.status).toBe(200);
  });

  it('leaves an existing account as it is', async () => {
    const before = await User.findOne({ email: 'root@example.com' }).select('+passwordHash').lean();
    await ensureAdminAccount({ email: 'root@example.com', password: 'another password!' }, logger);
    const after = await User.findOne({ email: 'root@example.com' }).select('+passwordHash').lean();
    expect(after?.passwordHash).toBe(before?.passwordHash);
    expect(await User.countDocuments({ email: 'root@example.com' })).toBe(1);
  });
});

describe('demo seed', () => {
  it('creates the documented accounts with their roles', async () => {
    const users = await User.find({ email: { $in: DEMO_ACCOUNTS.map((a) => a.email) } }).lean();
    expect(users.map((u) => [u.email, u.role]).sort()).toEqual(
      DEMO_ACCOUNTS.map((a) => [a.email, a.role]).sort(),
    );
    const counts = DEMO_ACCOUNTS.reduce<Record<string, number>>(
      (acc, a) => ({ ...acc, [a.role]: (acc[a.role] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ admin: 1, coach: 2, client: 2 });
  });

  it('is idempotent', async () => {
    const before = await Promise.all([User.countDocuments(), Coach.countDocuments()]);
    const scheduling = await Promise.all([
      SessionType.countDocuments(),
      Booking.countDocuments(),
      Review.countDocuments(),
    ]);
    const files = await readdir(path.join(t.uploadsDir, 'coach-pictures'));
    await seedDemoData({
      logger,
      coachLifecycle: createCoachLifecycle(),
      pictures: createLocalStorageDriver(t.uploadsDir),
    });
    expect(await Promise.all([User.countDocuments(), Coach.countDocuments()])).toEqual(before);
    expect(
      await Promise.all([
        SessionType.countDocuments(),
        Booking.countDocuments(),
        Review.countDocuments(),
      ]),
    ).toEqual(scheduling);
    expect(await readdir(path.join(t.uploadsDir, 'coach-pictures'))).toEqual(files);
  });

  it('uses the documented password', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ email: DEMO_ACCOUNTS[0]?.email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
  });
});

describe('demo coaches', () => {
  it('gives every demo coach, the two documented ones included, an approved profile', async () => {
    expect(DEMO_COACHES.length).toBeGreaterThanOrEqual(26);
    const coaches = await Coach.find().lean();
    expect(coaches).toHaveLength(DEMO_COACHES.length);
    expect(coaches.every((c) => c.verification.status === 'approved' && c.listed)).toBe(true);
    const users = await User.find({ _id: { $in: coaches.map((c) => c.user) } }).lean();
    expect(users.every((u) => u.role === 'coach')).toBe(true);
    const emails = users.map((u) => u.email);
    expect(emails).toContain('carla.coach@demo.coachhub.test');
    expect(emails).toContain('marco.coach@demo.coachhub.test');
    expect(await User.countDocuments()).toBe(ALL_DEMO_ACCOUNTS.length + 1);
  });

  it('varies specialties, languages, prices, ratings and time zones', () => {
    const distinct = (values: unknown[]) => new Set(values.map((v) => JSON.stringify(v))).size;
    expect(distinct(DEMO_COACHES.flatMap((c) => c.specialties))).toBeGreaterThanOrEqual(15);
    expect(distinct(DEMO_COACHES.flatMap((c) => c.languages))).toBeGreaterThanOrEqual(10);
    expect(distinct(DEMO_COACHES.map((c) => c.priceFrom?.currency ?? null))).toBeGreaterThan(3);
    expect(distinct(DEMO_COACHES.map((c) => c.rating))).toBeGreaterThan(20);
    expect(distinct(DEMO_COACHES.map((c) => c.timeZone))).toBeGreaterThan(15);
  });

  it('stores a distinct valid PNG per coach and serves it under /uploads', async () => {
    const coaches = await Coach.find().lean();
    const urls = coaches.map((c) => c.coachProfilePicture?.url ?? '');
    expect(new Set(urls).size).toBe(coaches.length);
    const res = await t.http.get(urls[0] ?? '');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect((await checkImage(res.body as Buffer)).mime).toBe('image/png');
    const file = path.join(t.uploadsDir, coaches[0]?.coachProfilePicture?.publicId ?? '');
    expect((await stat(file)).size).toBeGreaterThan(50);
  });

  it('fills the public directory', async () => {
    const res = await t.http.get('/api/coaches?limit=100');
    const page = res.body as CoachDirectoryPage;
    expect(page.total).toBe(DEMO_COACHES.length);
    expect(page.items.every((coach) => coach.coachProfilePicture !== null)).toBe(true);
  });

  it('generates PNGs whose bytes differ per colour', async () => {
    const red = avatarPng([200, 30, 30], 16);
    const blue = avatarPng([30, 30, 200], 16);
    expect(red.equals(blue)).toBe(false);
    expect((await checkImage(red)).ext).toBe('png');
  });
});

describe('demo reviews', () => {
  const oneDecimal = (value: number) => Math.round(value * 10) / 10;

  it('backs every coach’s rating with that many visible reviews, averaging as listed', async () => {
    for (const demo of DEMO_COACHES) {
      const user = await User.findOne({ email: demo.email }).lean();
      const coach = await Coach.findOne({ user: user?._id }).lean();
      const visible = await Review.find({ coach: user?._id, hiddenAt: null }).lean();
      const sum = visible.reduce((total, review) => total + review.rating, 0);
      expect(coach?.rating.count, demo.email).toBe(visible.length);
      expect(coach?.rating.count, demo.email).toBe(demo.rating.count);
      expect(coach?.rating.sum ?? 0, demo.email).toBe(sum);
      const average = visible.length ? Math.round((sum / visible.length) * 100) / 100 : 0;
      expect(coach?.rating.average, demo.email).toBe(average);
      expect(oneDecimal(average), demo.email).toBe(demo.rating.average);
    }
  });

  it('reviews completed past sessions only, once each, with comments and replies among them', async () => {
    const reviews = await Review.find().lean();
    const bookings = await Booking.find({ _id: { $in: reviews.map((r) => r.booking) } }).lean();
    expect(bookings).toHaveLength(reviews.length);
    for (const booking of bookings) {
      const review = reviews.find((r) => r.booking.toString() === booking._id.toString());
      expect(booking.status).toBe('completed');
      expect(booking.end.getTime()).toBeLessThan(Date.now());
      expect(booking.client.toString()).toBe(review?.client.toString());
      expect(booking.coach.toString()).toBe(review?.coach.toString());
    }
    expect(new Set(reviews.map((r) => r.rating)).size).toBeGreaterThanOrEqual(4);
    expect(reviews.filter((r) => r.comment !== '').length).toBeGreaterThan(reviews.length / 2);
    expect(reviews.filter((r) => r.response !== null).length).toBeGreaterThan(50);
  });

  it('lists Carla’s 52 reviews publicly; Tom’s session with Marco is reviewed, Lena’s are not', async () => {
    const carla = await User.findOne({ email: 'carla.coach@demo.coachhub.test' }).lean();
    const page = (await t.http.get(`/api/coaches/${carla?._id.toString()}/reviews?limit=5`))
      .body as CoachReviewsPage;
    expect(page).toMatchObject({ total: 52, count: 52, average: expect.closeTo(4.8, 1) });
    expect(Object.values(page.distribution).reduce((a, b) => a + b, 0)).toBe(52);
    expect(page.items[0]?.reviewer.displayName).toMatch(/^\S+ \S\.$/);

    for (const [email, reviewed] of [
      ['tom.client@demo.coachhub.test', 1],
      ['lena.client@demo.coachhub.test', 0],
    ] as const) {
      const client = await User.findOne({ email }).lean();
      expect(await Review.countDocuments({ client: client?._id }), email).toBe(reviewed);
    }
  });
});

describe('demo scheduling', () => {
  const userId = async (email: string) =>
    (await User.findOne({ email }).lean())?._id.toString() ?? '';

  it('prices every demo coach from its configuration, as the directory showed before', async () => {
    for (const demo of DEMO_COACHES) {
      const coach = await Coach.findOne({ user: await userId(demo.email) }).lean();
      expect(coach?.priceFrom ?? null, demo.email).toEqual(demo.priceFrom);
    }
  });

  it('lets Carla be booked in the coming days, with her approval', async () => {
    const carla = await userId('carla.coach@demo.coachhub.test');
    const availability = await Availability.findOne({ coach: carla }).lean();
    expect(availability?.timeZone).toBe('Europe/Berlin');
    expect(availability?.settings.requiresApproval).toBe(true);
    const profile = (await t.http.get(`/api/coaches/${carla}`)).body as CoachProfileDTO;
    expect(profile.sessionTypes.map((type) => type.durationMinutes)).toEqual([30, 60, 90]);
    const from = new Date();
    const res = await t.http.get(`/api/coaches/${carla}/slots`).query({
      sessionTypeId: profile.sessionTypes[1]?._id ?? '',
      from: from.toISOString(),
      to: new Date(from.getTime() + 3 * 24 * 3_600_000).toISOString(),
    });
    expect((res.body as SlotsResponse).slots.length).toBeGreaterThan(10);
  });

  it('gives Lena and Tom past and future bookings with Carla and Marco, none overlapping', async () => {
    const statuses = new Set<string>();
    for (const email of ['lena.client@demo.coachhub.test', 'tom.client@demo.coachhub.test']) {
      const user = await User.findOne({ email }).lean();
      if (!user) throw new Error(email);
      const session = await sessionFor({ id: user._id.toString(), email, password: DEMO_PASSWORD });
      const page = (await t.http.get('/api/bookings?limit=100').set(bearer(session.accessToken)))
        .body as BookingPage;
      expect(page.total).toBeGreaterThanOrEqual(5);
      const coachNames = new Set(page.items.map((booking) => booking.coach.firstName));
      expect([...coachNames].sort()).toEqual(['Carla', 'Marco']);
      for (const booking of page.items) statuses.add(booking.status);
      const active = page.items
        .filter((booking) =>
          (ACTIVE_BOOKING_STATUSES as readonly string[]).includes(booking.status),
        )
        .map((booking) => ({ start: new Date(booking.start), end: new Date(booking.end) }));
      active.forEach((booking, index) => {
        const noBuffers = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
        expect(conflictsWithBookings(booking, active.slice(index + 1), noBuffers)).toBe(false);
      });
    }
    expect([...statuses].sort()).toEqual([
      'cancelled',
      'completed',
      'confirmed',
      'no_show',
      'pending',
    ]);
    const pending = await Booking.find({ status: 'pending' }).lean();
    expect(pending.every((booking) => booking.start > new Date())).toBe(true);
    const confirmed = await Booking.find({ status: 'confirmed' }).lean();
    expect(confirmed.every((booking) => booking.meetingUrl?.startsWith('https://'))).toBe(true);
  });
});
