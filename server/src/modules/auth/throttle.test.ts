import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let t: TestServer;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, {
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '3',
    RATE_LIMIT_LOGIN_PER_IP: '6',
    RATE_LIMIT_WINDOW_SECONDS: '600',
    // One proxy in front, as in production: the client's address comes from X-Forwarded-For.
    TRUST_PROXY: '1',
  });
  alice = await createUser({ email: 'alice@example.com' });
  bob = await createUser({ email: 'bob@example.com' });
});
afterAll(() => t.close());

const ATTACKER = '203.0.113.9';
const OWNER = '198.51.100.7';

const login = (email: string, password: string, from = ATTACKER) =>
  t.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

function expectThrottled(res: { status: number; body: unknown; headers: Record<string, string> }) {
  expect(res.status).toBe(429);
  expect((res.body as ApiErrorBody).error.code).toBe('RATE_LIMITED');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(600);
}

describe('login throttling', () => {
  it('throttles guessing per account and address, and per address, with Retry-After', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await login(alice.email, 'wrong password!')).status).toBe(401);
    }
    // From that address the account is throttled for the window, even for the right password
    // and another spelling...
    expectThrottled(await login('ALICE@example.com', alice.password));
    // ...but whoever knows her e-mail cannot lock Alice out: from her own address she signs in.
    expect((await login(alice.email, alice.password, OWNER)).status).toBe(200);

    // Another account is not affected by Alice's lock, and successes do not count against it...
    expect((await login(bob.email, bob.password)).status).toBe(200);
    expect((await login(bob.email, 'wrong password!')).status).toBe(401);
    // ...but this IP has now used its 6 attempts.
    expectThrottled(await login(bob.email, bob.password));
  });

  it('leaves other routes alone', async () => {
    expect((await t.http.get('/health')).status).toBe(200);
  });
});
