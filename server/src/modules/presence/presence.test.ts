import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/fixtures.js';
import {
  closeAllSockets,
  connectSocket,
  nextEvent,
  refusedHandshake,
} from '../../../test/sockets.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../../../test/test-server.js';

let t: TestServer;
let anna: SignedIn;
let ben: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  [anna, ben] = await Promise.all([
    createUser().then((user) => signIn(t, user)),
    createUser({ role: 'coach' }).then((user) => signIn(t, user)),
  ]);
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

describe('socket handshake', () => {
  it('refuses a connection without a token: UNAUTHENTICATED', async () => {
    expect((await refusedHandshake(t.baseUrl)).data?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad token: INVALID_TOKEN', async () => {
    expect((await refusedHandshake(t.baseUrl, 'not-a-token')).data?.code).toBe('INVALID_TOKEN');
    const forged = jwt.sign({ role: 'admin', sid: '0123456789abcdef01234567' }, 'wrong-secret', {
      subject: anna.user._id,
      issuer: 'coachhub',
    });
    expect((await refusedHandshake(t.baseUrl, forged)).data?.code).toBe('INVALID_TOKEN');
  });

  it('refuses an expired token: TOKEN_EXPIRED', async () => {
    const expired = jwt.sign(
      { role: 'client', sid: '0123456789abcdef01234567', exp: 1 },
      TEST_JWT_SECRET,
      {
        subject: anna.user._id,
        issuer: 'coachhub',
      },
    );
    expect((await refusedHandshake(t.baseUrl, expired)).data?.code).toBe('TOKEN_EXPIRED');
  });
});

describe('presence', () => {
  it('tells everyone when a user comes online (first socket) and goes offline (last socket)', async () => {
    const annaSocket = await connectSocket(t.baseUrl, anna.accessToken);
    const benOnline = nextEvent(annaSocket, 'presence:update', (u) => u.userId === ben.user._id);
    const benFirst = await connectSocket(t.baseUrl, ben.accessToken);
    expect(await benOnline).toEqual({ userId: ben.user._id, online: true });

    // A second tab: still online, and closing one of two tabs does not announce "offline".
    const benSecond = await connectSocket(t.baseUrl, ben.accessToken);
    const updates: unknown[] = [];
    annaSocket.on('presence:update', (update) => updates.push(update));
    benFirst.close();
    const query = await annaSocket.emitWithAck('presence:query', { userIds: [ben.user._id] });
    expect(query).toEqual({ ok: true, data: [{ userId: ben.user._id, online: true }] });
    expect(updates).toEqual([]);

    const benOffline = nextEvent(annaSocket, 'presence:update', (u) => u.userId === ben.user._id);
    benSecond.close();
    expect(await benOffline).toEqual({ userId: ben.user._id, online: false });
    annaSocket.close();
  });

  it('answers presence:query for several users', async () => {
    const annaSocket = await connectSocket(t.baseUrl, anna.accessToken);
    const answer = await annaSocket.emitWithAck('presence:query', {
      userIds: [anna.user._id, ben.user._id],
    });
    expect(answer).toEqual({
      ok: true,
      data: [
        { userId: anna.user._id, online: true },
        { userId: ben.user._id, online: false },
      ],
    });
    annaSocket.close();
  });

  it.each([
    ['no ids', { userIds: [] }],
    ['not ids', { userIds: ['me'] }],
    ['not a list', { userIds: 'all' }],
    ['no payload', null],
  ])('answers a malformed presence:query (%s) with VALIDATION_FAILED', async (_case, payload) => {
    const annaSocket = await connectSocket(t.baseUrl, anna.accessToken);
    // The payload is deliberately not what the types allow: the server must cope at runtime.
    const answer = await annaSocket.emitWithAck('presence:query', payload as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    annaSocket.close();
  });
});
