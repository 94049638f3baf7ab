/**
 * REQUIRE_ADMIN_2FA on (as in production): an admin without two-factor sign-in can only turn it
 * on. Real server with that configuration, real HTTP and Socket.IO.
 */
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type {
  RecoveryCodesResponse,
  TwoFactorSetupResponse,
  TwoFactorStatusDTO,
} from '@coachhub/shared/two-factor';
import type { UserDTO } from '@coachhub/shared/user';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, signIn, type SignedIn } from '../../../test/fixtures.js';
import { closeAllSockets, connectSocket, refusedHandshake } from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { enableTwoFactor, passwordStep, totpCode } from '../../../test/two-factor-fixtures.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, { REQUIRE_ADMIN_2FA: 'true' });
});
afterEach(() => closeAllSockets());
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;

/** Routes an admin uses every day, of each kind (bearer, optional, own account, admin area). */
const HELD_BACK: [method: 'get' | 'patch' | 'post', path: string, body?: object][] = [
  ['get', '/api/admin/audit-log'],
  ['get', '/api/admin/coaches/pending'],
  ['get', '/api/notifications'],
  ['get', '/api/bookings'],
  ['get', '/api/conversations'],
  // Sign-in optional: a token that is sent counts.
  ['post', '/api/coaches/match', { specialties: ['career'] }],
  ['patch', '/api/users/me', { firstName: 'Ada' }],
  ['post', '/api/users/me/password', { currentPassword: 'x', newPassword: 'another fine one!' }],
  ['get', '/api/auth/sessions'],
  ['get', '/api/auth/two-factor'],
  ['post', '/api/auth/two-factor/disable', { code: '123456' }],
];

const call = (session: SignedIn, method: 'get' | 'patch' | 'post', path: string, body?: object) => {
  const req = t.http[method](path).set(bearer(session.accessToken));
  return body ? req.send(body) : req;
};

describe('an admin without two-factor sign-in while it is required', () => {
  it('signs in with the password, and sees only its account and the set-up', async () => {
    const admin = await createUser({ role: 'admin' });
    const session = await signIn(t, admin);
    const me = await t.http.get('/api/users/me').set(bearer(session.accessToken));
    expect(me.status).toBe(200);
    expect((me.body as UserDTO).twoFactorEnabled).toBe(false);

    for (const [method, path, body] of HELD_BACK) {
      const res = await call(session, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(codeOf(res.body), `${method} ${path}`).toBe('TWO_FACTOR_REQUIRED');
    }
    // Public routes read no token and stay open.
    expect((await call(session, 'get', '/api/coaches')).status).toBe(200);
    expect((await t.http.post('/api/coaches/match').send({ specialties: ['career'] })).status).toBe(
      200,
    );
    // No live updates either: the handshake is refused with the same code.
    const refused = await refusedHandshake(t.baseUrl, session.accessToken);
    expect(refused.data?.code).toBe('TWO_FACTOR_REQUIRED');
    // Signing out works.
    const out = await t.http.post('/api/auth/logout').set('Cookie', session.refreshCookie);
    expect(out.status).toBe(204);
  });

  it('turns it on with the same token, and from then on everything is open', async () => {
    const admin = await createUser({ role: 'admin' });
    const session = await signIn(t, admin);
    const setup = await t.http.post('/api/auth/two-factor/setup').set(bearer(session.accessToken));
    expect(setup.status).toBe(200);
    const { secret } = setup.body as TwoFactorSetupResponse;
    const enabled = await t.http
      .post('/api/auth/two-factor/enable')
      .set(bearer(session.accessToken))
      .send({ code: await totpCode(secret) });
    expect(enabled.status).toBe(200);
    const { recoveryCodes } = enabled.body as RecoveryCodesResponse;

    for (const [method, path, body] of HELD_BACK.slice(0, 6)) {
      expect((await call(session, method, path, body)).status, `${method} ${path}`).toBe(200);
    }
    const socket = await connectSocket(t.baseUrl, session.accessToken);
    expect(socket.connected).toBe(true);
    const status = await t.http.get('/api/auth/two-factor').set(bearer(session.accessToken));
    expect(status.body as TwoFactorStatusDTO).toEqual({
      enabled: true,
      recoveryCodesLeft: 10,
      mandatory: true,
    });

    // Admins cannot turn it off while it is required, even with a right code.
    const off = await t.http
      .post('/api/auth/two-factor/disable')
      .set(bearer(session.accessToken))
      .send({ code: recoveryCodes[0] });
    expect(off.status).toBe(403);
    expect(codeOf(off.body)).toBe('TWO_FACTOR_MANDATORY');

    // The next sign-in asks for the code.
    const challenge = await passwordStep(t, admin);
    const second = await t.http
      .post('/api/auth/login/two-factor')
      .send({ challengeToken: challenge, code: recoveryCodes[0] });
    expect(second.status).toBe(200);
  });
});

describe('everyone else while admins are required to have it', () => {
  it('clients and coaches are not held back, and may turn it off again', async () => {
    for (const role of ['client', 'coach'] as const) {
      const session = await sessionFor(await createUser({ role }));
      expect((await call(session, 'get', '/api/notifications')).status).toBe(200);
      const { recoveryCodes } = await enableTwoFactor(t, session.accessToken);
      const status = await call(session, 'get', '/api/auth/two-factor');
      expect((status.body as TwoFactorStatusDTO).mandatory).toBe(false);
      const off = await call(session, 'post', '/api/auth/two-factor/disable', {
        code: recoveryCodes[0],
      });
      expect(off.status).toBe(204);
    }
  });
});
