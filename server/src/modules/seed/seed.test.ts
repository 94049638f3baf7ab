import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CoachDirectoryPage } from '@coachhub/shared/coach';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { createLogger } from '../../core/logger.js';
import { createCoachLifecycle } from '../coaches/coach-lifecycle.js';
import { Coach } from '../coaches/coach.model.js';
import { checkImage } from '../uploads/image-type.js';
import { createLocalStorageDriver } from '../uploads/local-storage.driver.js';
import { User } from '../users/user.model.js';
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
    const files = await readdir(path.join(t.uploadsDir, 'coach-pictures'));
    await seedDemoData({
      logger,
      coachLifecycle: createCoachLifecycle(),
      pictures: createLocalStorageDriver(t.uploadsDir),
    });
    expect(await Promise.all([User.countDocuments(), Coach.countDocuments()])).toEqual(before);
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
