/**
 * A user's list of sessions (signed-in devices): what it shows, ending one, ending all others.
 * Real HTTP, and real Socket.IO clients of the ended sessions, which close at once.
 */
import type { AuthResponse, RefreshResponse } from '@coachhub/shared/auth';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { RevokeOtherSessionsResponse, SessionDTO } from '@coachhub/shared/sessions';
import { Types } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createUser,
  refreshCookieOf,
  sessionFor,
  sessionIdOf,
  type SignedIn,
  type TestUser,
} from '../../../test/fixtures.js';
import { closeAllSockets, connectSocket, disconnected, nextEvent } from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

const LAPTOP = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15';
const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, { TRUST_PROXY: '1' });
});
afterEach(() => closeAllSockets());
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;

async function signInFrom(user: TestUser, userAgent: string, ip: string): Promise<SignedIn> {
  const res = await t.http
    .post('/api/auth/login')
    .set('User-Agent', userAgent)
    .set('X-Forwarded-For', ip)
    .send({ email: user.email, password: user.password });
  expect(res.status).toBe(200);
  const body = res.body as AuthResponse;
  return {
    user: body.user,
    accessToken: body.accessToken,
    refreshCookie: refreshCookieOf(res.headers['set-cookie']),
    sessionId: sessionIdOf(body.accessToken),
  };
}

const list = async (session: SignedIn) => {
  const res = await t.http.get('/api/auth/sessions').set(bearer(session.accessToken));
  expect(res.status).toBe(200);
  return res.body as SessionDTO[];
};

describe('GET /api/auth/sessions', () => {
  it('lists the caller’s open sessions with device, address and times; this one is marked', async () => {
    const user = await createUser();
    const laptop = await signInFrom(user, LAPTOP, '203.0.113.10');
    const phone = await signInFrom(user, PHONE, '198.51.100.4');
    await sessionFor(await createUser()); // someone else's, never listed

    const sessions = await list(laptop);
    expect(sessions.map((session) => session.id).sort()).toEqual(
      [laptop.sessionId, phone.sessionId].sort(),
    );
    const mine = sessions.find((session) => session.id === laptop.sessionId);
    expect(mine).toEqual({
      id: laptop.sessionId,
      current: true,
      userAgent: LAPTOP,
      ip: '203.0.113.10',
      createdAt: expect.any(String),
      lastUsedAt: expect.any(String),
    });
    expect(sessions.find((session) => session.id === phone.sessionId)).toMatchObject({
      current: false,
      userAgent: PHONE,
      ip: '198.51.100.4',
    });
    expect(JSON.stringify(sessions)).not.toMatch(/token|hash/i);
    // Without a proxy in front, the socket's own address, IPv4 written plainly.
    const direct = await t.http
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });
    const directId = sessionIdOf((direct.body as AuthResponse).accessToken);
    const listed = (await list(laptop)).find((session) => session.id === directId);
    expect(listed?.ip).toBe('127.0.0.1');
    expect((await t.http.get('/api/auth/sessions')).status).toBe(401);
  });

  it('a refresh updates when and from where the session was last used', async () => {
    const user = await createUser();
    const phone = await signInFrom(user, PHONE, '198.51.100.4');
    const [before] = await list(phone);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const refreshed = await t.http
      .post('/api/auth/refresh')
      .set('Cookie', phone.refreshCookie)
      .set('User-Agent', `${PHONE} (updated)`)
      .set('X-Forwarded-For', '198.51.100.99');
    expect(refreshed.status).toBe(200);
    const [after] = await list({
      ...phone,
      accessToken: (refreshed.body as RefreshResponse).accessToken,
    });
    expect(after).toMatchObject({
      id: phone.sessionId,
      current: true,
      userAgent: `${PHONE} (updated)`,
      ip: '198.51.100.99',
      createdAt: before?.createdAt,
    });
    expect(Date.parse(after?.lastUsedAt ?? '')).toBeGreaterThan(
      Date.parse(before?.lastUsedAt ?? ''),
    );
  });
});

describe('DELETE /api/auth/sessions/:id', () => {
  it('ends one of the caller’s sessions: its tokens stop working and its sockets close at once', async () => {
    const user = await createUser();
    const laptop = await signInFrom(user, LAPTOP, '203.0.113.10');
    const phone = await signInFrom(user, PHONE, '198.51.100.4');
    const phoneSocket = await connectSocket(t.baseUrl, phone.accessToken);
    const laptopSocket = await connectSocket(t.baseUrl, laptop.accessToken);
    const told = nextEvent(phoneSocket, 'session:ended');
    const closed = disconnected(phoneSocket);

    const res = await t.http
      .delete(`/api/auth/sessions/${phone.sessionId}`)
      .set(bearer(laptop.accessToken));
    expect(res.status).toBe(204);
    expect(await told).toEqual({ reason: 'revoked' });
    expect(await closed).toBe('io server disconnect');
    expect(laptopSocket.connected).toBe(true);

    expect(codeOf((await t.http.get('/api/users/me').set(bearer(phone.accessToken))).body)).toBe(
      'INVALID_TOKEN',
    );
    const refresh = await t.http.post('/api/auth/refresh').set('Cookie', phone.refreshCookie);
    expect(refresh.status).toBe(401);
    expect((await list(laptop)).map((session) => session.id)).toEqual([laptop.sessionId]);
    // Once ended, it is gone.
    const again = await t.http
      .delete(`/api/auth/sessions/${phone.sessionId}`)
      .set(bearer(laptop.accessToken));
    expect(again.status).toBe(404);
  });

  it('answers 404 for someone else’s session (and leaves it alone) and for an unknown one', async () => {
    const user = await createUser();
    const mine = await sessionFor(user);
    const theirs = await sessionFor(await createUser());
    const theirSocket = await connectSocket(t.baseUrl, theirs.accessToken);
    for (const id of [theirs.sessionId, new Types.ObjectId().toString()]) {
      const res = await t.http.delete(`/api/auth/sessions/${id}`).set(bearer(mine.accessToken));
      expect(res.status).toBe(404);
      expect(codeOf(res.body)).toBe('NOT_FOUND');
    }
    expect((await t.http.get('/api/users/me').set(bearer(theirs.accessToken))).status).toBe(200);
    expect(theirSocket.connected).toBe(true);
  });

  it('refuses a malformed id with 400', async () => {
    const mine = await sessionFor(await createUser());
    for (const id of ['not-an-id', '123', `${mine.sessionId}0`]) {
      const res = await t.http.delete(`/api/auth/sessions/${id}`).set(bearer(mine.accessToken));
      expect(res.status).toBe(400);
      expect(codeOf(res.body)).toBe('VALIDATION_FAILED');
    }
    const withBody = await t.http
      .delete(`/api/auth/sessions/${mine.sessionId}`)
      .set(bearer(mine.accessToken))
      .send({ userId: 'x' });
    expect(codeOf(withBody.body)).toBe('VALIDATION_FAILED');
  });
});

describe('POST /api/auth/sessions/revoke-others', () => {
  it('ends every other session of the caller (sockets included) and keeps this one', async () => {
    const user = await createUser();
    const here = await signInFrom(user, LAPTOP, '203.0.113.10');
    const others = [await signInFrom(user, PHONE, '198.51.100.4'), await sessionFor(user)];
    const stranger = await sessionFor(await createUser());
    const otherSockets = await Promise.all(
      others.map((session) => connectSocket(t.baseUrl, session.accessToken)),
    );
    const hereSocket = await connectSocket(t.baseUrl, here.accessToken);
    const strangerSocket = await connectSocket(t.baseUrl, stranger.accessToken);
    const told = otherSockets.map((socket) => nextEvent(socket, 'session:ended'));

    const res = await t.http.post('/api/auth/sessions/revoke-others').set(bearer(here.accessToken));
    expect(res.status).toBe(200);
    expect(res.body as RevokeOtherSessionsResponse).toEqual({ revoked: 2 });
    expect(await Promise.all(told)).toEqual([{ reason: 'revoked' }, { reason: 'revoked' }]);
    await Promise.all(otherSockets.map(disconnected));

    expect((await list(here)).map((session) => session.id)).toEqual([here.sessionId]);
    for (const other of others) {
      expect((await t.http.get('/api/users/me').set(bearer(other.accessToken))).status).toBe(401);
    }
    expect(hereSocket.connected).toBe(true);
    expect(strangerSocket.connected).toBe(true);
    expect((await t.http.get('/api/users/me').set(bearer(stranger.accessToken))).status).toBe(200);

    const nothingLeft = await t.http
      .post('/api/auth/sessions/revoke-others')
      .set(bearer(here.accessToken));
    expect(nothingLeft.body as RevokeOtherSessionsResponse).toEqual({ revoked: 0 });
    expect(
      codeOf(
        (
          await t.http
            .post('/api/auth/sessions/revoke-others')
            .set(bearer(here.accessToken))
            .send({ keep: 'x' })
        ).body,
      ),
    ).toBe('VALIDATION_FAILED');
  });
});
