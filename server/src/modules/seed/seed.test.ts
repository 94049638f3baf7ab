import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { createLogger } from '../../core/logger.js';
import { User } from '../users/user.model.js';
import { ensureAdminAccount } from './admin-bootstrap.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from './demo-seed.js';

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
    const before = await User.countDocuments();
    await seedDemoData(logger);
    expect(await User.countDocuments()).toBe(before);
  });

  it('uses the documented password', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ email: DEMO_ACCOUNTS[0]?.email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
  });
});
