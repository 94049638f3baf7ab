import type { RefreshResponse } from '@coachhub/shared/auth';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createUser,
  refreshCookieOf,
  signIn,
  type TestUser,
} from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Session } from './session.model.js';

let t: TestServer;
let user: TestUser;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  user = await createUser();
});
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const refresh = (cookie?: string) => {
  const call = t.http.post('/api/auth/refresh');
  return cookie ? call.set('Cookie', cookie) : call;
};
const me = (token: string) => t.http.get('/api/users/me').set(bearer(token));

describe('POST /api/auth/refresh', () => {
  it('answers 401 UNAUTHENTICATED without a cookie, and REFRESH_TOKEN_INVALID for a made-up one', async () => {
    expect(codeOf((await refresh()).body)).toBe('UNAUTHENTICATED');
    const madeUp = await refresh(`coachhub_refresh=${'a'.repeat(43)}`);
    expect(madeUp.status).toBe(401);
    expect(codeOf(madeUp.body)).toBe('REFRESH_TOKEN_INVALID');
  });

  it('rotates: every refresh returns a new access token and a new cookie', async () => {
    const session = await signIn(t, user);
    const first = await refresh(session.refreshCookie);
    expect(first.status).toBe(200);
    const rotated = refreshCookieOf(first.headers['set-cookie']);
    expect(rotated).not.toBe(session.refreshCookie);
    const { accessToken } = first.body as RefreshResponse;
    expect((await me(accessToken)).status).toBe(200);

    const second = await refresh(rotated);
    expect(second.status).toBe(200);
    expect(refreshCookieOf(second.headers['set-cookie'])).not.toBe(rotated);
  });

  it('treats a replayed token as theft: 401 REFRESH_TOKEN_REUSED and the whole family is revoked', async () => {
    const session = await signIn(t, user);
    const first = await refresh(session.refreshCookie);
    const current = refreshCookieOf(first.headers['set-cookie']);
    const currentAccess = (first.body as RefreshResponse).accessToken;

    const replay = await refresh(session.refreshCookie);
    expect(replay.status).toBe(401);
    expect(codeOf(replay.body)).toBe('REFRESH_TOKEN_REUSED');

    // The legitimate holder of the newest token is signed out too, and so are its access tokens.
    const afterReuse = await refresh(current);
    expect(afterReuse.status).toBe(401);
    expect(codeOf(afterReuse.body)).toBe('REFRESH_TOKEN_INVALID');
    const access = await me(currentAccess);
    expect(access.status).toBe(401);
    expect(codeOf(access.body)).toBe('INVALID_TOKEN');
  });

  it('keeps other sessions of the same user alive when one family is revoked', async () => {
    const kept = await signIn(t, user);
    const stolen = await signIn(t, user);
    await refresh(stolen.refreshCookie);
    await refresh(stolen.refreshCookie);
    expect((await me(kept.accessToken)).status).toBe(200);
    expect((await refresh(kept.refreshCookie)).status).toBe(200);
  });

  it('stores only hashes of refresh tokens', async () => {
    const session = await signIn(t, user);
    const token = session.refreshCookie.split('=')[1] ?? '';
    const stored = await Session.find().lean();
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true);
  });
});

describe('POST /api/auth/logout', () => {
  it('answers 204, clears the cookie and ends the session', async () => {
    const session = await signIn(t, user);
    const res = await t.http.post('/api/auth/logout').set('Cookie', session.refreshCookie);
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(
      /coachhub_refresh=;.*Expires=Thu, 01 Jan 1970/,
    );
    expect(codeOf((await refresh(session.refreshCookie)).body)).toBe('REFRESH_TOKEN_INVALID');
    expect(codeOf((await me(session.accessToken)).body)).toBe('INVALID_TOKEN');
  });

  it('answers 204 without a cookie too', async () => {
    expect((await t.http.post('/api/auth/logout')).status).toBe(204);
  });
});

describe('POST /api/users/me/password', () => {
  let changer: TestUser;
  beforeAll(async () => {
    changer = await createUser();
  });

  it('refuses a wrong current password with 400 WRONG_PASSWORD', async () => {
    const session = await signIn(t, changer);
    const res = await t.http
      .post('/api/users/me/password')
      .set(bearer(session.accessToken))
      .send({ currentPassword: 'not it at all', newPassword: 'another fine passphrase' });
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toBe('WRONG_PASSWORD');
  });

  it('refuses a weak or missing new password', async () => {
    const session = await signIn(t, changer);
    const weak = await t.http
      .post('/api/users/me/password')
      .set(bearer(session.accessToken))
      .send({ currentPassword: changer.password, newPassword: '1234567890' });
    expect(codeOf(weak.body)).toBe('WEAK_PASSWORD');
    const missing = await t.http
      .post('/api/users/me/password')
      .set(bearer(session.accessToken))
      .send({ currentPassword: changer.password });
    expect(codeOf(missing.body)).toBe('VALIDATION_FAILED');
  });

  it('revokes every session, then starts a fresh one for this client', async () => {
    const other = await signIn(t, changer);
    const current = await signIn(t, changer);
    const res = await t.http
      .post('/api/users/me/password')
      .set(bearer(current.accessToken))
      .send({ currentPassword: changer.password, newPassword: 'a brand new passphrase' });
    expect(res.status).toBe(200);
    const { accessToken } = res.body as RefreshResponse;
    const freshCookie = refreshCookieOf(res.headers['set-cookie']);

    for (const old of [other, current]) {
      expect(codeOf((await me(old.accessToken)).body)).toBe('INVALID_TOKEN');
      expect((await refresh(old.refreshCookie)).status).toBe(401);
    }
    expect((await me(accessToken)).status).toBe(200);
    expect((await refresh(freshCookie)).status).toBe(200);

    const oldLogin = await t.http
      .post('/api/auth/login')
      .send({ email: changer.email, password: changer.password });
    expect(codeOf(oldLogin.body)).toBe('INVALID_CREDENTIALS');
    await signIn(t, { ...changer, password: 'a brand new passphrase' });
  });
});
