/**
 * Sessions that really end: a socket lives no longer than the session (refresh-token family) and
 * the access token it connected with. Real server, real Socket.IO clients.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createUser,
  sessionFor,
  signIn,
  TEST_PASSWORD,
  type SignedIn,
} from '../../../test/fixtures.js';
import {
  closeAllSockets,
  connectSocket,
  disconnected,
  nextEvent,
  refusedHandshake,
} from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

const TOKEN_SECONDS = 3;
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, { JWT_ACCESS_TTL: `${TOKEN_SECONDS}s` });
});
afterEach(() => closeAllSockets());
afterAll(() => t.close());

const logout = (who: SignedIn) =>
  t.http.post('/api/auth/logout').set('Cookie', who.refreshCookie).send();

describe('sockets of ended sessions', () => {
  it('logout tells the session’s sockets why and closes them; the other session keeps its own', async () => {
    const user = await createUser();
    const [laptop, phone] = await Promise.all([sessionFor(user), sessionFor(user)]);
    const laptopTabs = await Promise.all([
      connectSocket(t.baseUrl, laptop.accessToken),
      connectSocket(t.baseUrl, laptop.accessToken),
    ]);
    const phoneSocket = await connectSocket(t.baseUrl, phone.accessToken);
    const told = laptopTabs.map((socket) => nextEvent(socket, 'session:ended'));
    const closed = laptopTabs.map(disconnected);

    expect((await logout(laptop)).status).toBe(204);
    expect(await Promise.all(told)).toEqual([{ reason: 'logout' }, { reason: 'logout' }]);
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    expect(phoneSocket.connected).toBe(true);
    // The ended session cannot come back (recovery checks the handshake again).
    const refused = await refusedHandshake(t.baseUrl, laptop.accessToken);
    expect(refused.data?.code).toBe('INVALID_TOKEN');
  });

  it('a password change closes the sockets of every other session; the new one connects', async () => {
    const user = await createUser();
    const here = await signIn(t, user);
    const elsewhere = await sessionFor(user);
    const elsewhereSocket = await connectSocket(t.baseUrl, elsewhere.accessToken);
    const hereSocket = await connectSocket(t.baseUrl, here.accessToken);
    // Hashing the new password (bcrypt, cost 12) comes first: seconds on a busy machine.
    const told = nextEvent(elsewhereSocket, 'session:ended', () => true, 15_000);
    const closed = disconnected(elsewhereSocket);
    const hereClosed = disconnected(hereSocket);

    const res = await t.http
      .post('/api/users/me/password')
      .set(bearer(here.accessToken))
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a much newer passphrase 7' });
    expect(res.status).toBe(200);
    expect(await told).toEqual({ reason: 'password_change' });
    expect(await closed).toBe('io server disconnect');
    // The changing tab's old session ended too; its new token opens a socket at once.
    expect(await hereClosed).toBe('io server disconnect');
    const fresh = await connectSocket(t.baseUrl, (res.body as { accessToken: string }).accessToken);
    expect(fresh.connected).toBe(true);
  });

  it(
    'closes a socket when its access token expires, saying so; a fresh token reconnects',
    async () => {
      const user = await createUser();
      const session = await signIn(t, user);
      const socket = await connectSocket(t.baseUrl, session.accessToken);
      const connectedAt = Date.now();
      const told = nextEvent(socket, 'session:ended', () => true, (TOKEN_SECONDS + 3) * 1000);
      const closed = disconnected(socket);
      expect(await told).toEqual({ reason: 'expired' });
      expect(await closed).toBe('io server disconnect');
      // Not before the token's lifetime (whole seconds: it may be up to a second short).
      expect(Date.now() - connectedAt).toBeGreaterThanOrEqual((TOKEN_SECONDS - 1) * 1000);

      const expired = await refusedHandshake(t.baseUrl, session.accessToken);
      expect(expired.data?.code).toBe('TOKEN_EXPIRED');
      const refreshed = await t.http
        .post('/api/auth/refresh')
        .set('Cookie', session.refreshCookie)
        .send();
      expect(refreshed.status).toBe(200);
      const again = await connectSocket(
        t.baseUrl,
        (refreshed.body as { accessToken: string }).accessToken,
      );
      expect(again.connected).toBe(true);
    },
    (TOKEN_SECONDS + 10) * 1000,
  );
});

describe('responses for signed-in callers', () => {
  it('are never stored by caches (Cache-Control: no-store); public ones may be', async () => {
    const user = await createUser().then(sessionFor);
    const me = await t.http.get('/api/users/me').set(bearer(user.accessToken));
    expect(me.status).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const directorySignedIn = await t.http.get('/api/coaches').set(bearer(user.accessToken));
    expect(directorySignedIn.headers['cache-control']).toBe('no-store');
    const refused = await t.http.get('/api/users/me');
    expect(refused.status).toBe(401);
    const health = await t.http.get('/health');
    expect(health.headers['cache-control']).not.toBe('no-store');
  });
});
