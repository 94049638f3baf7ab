import type { PresenceUpdate } from '@coachhub/shared/socket-events';
import jwt from 'jsonwebtoken';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/fixtures.js';
import {
  closeAllSockets,
  connectSocket,
  nextEvent,
  refusedHandshake,
} from '../../../test/sockets.js';
import { PRESENCE_WATCH_MAX } from './presence.socket.js';
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
  it('tells the sockets that asked about a user when they come online (first socket) and go offline (last socket), and no one else', async () => {
    const carla = await createUser().then((user) => signIn(t, user));
    const annaSocket = await connectSocket(t.baseUrl, anna.accessToken);
    // Carla never asks about Ben: she hears nothing of him.
    const carlaSocket = await connectSocket(t.baseUrl, carla.accessToken);
    const carlaHeard: unknown[] = [];
    carlaSocket.on('presence:update', (update) => carlaHeard.push(update));

    const asked = await annaSocket.emitWithAck('presence:query', { userIds: [ben.user._id] });
    expect(asked).toEqual({ ok: true, data: [{ userId: ben.user._id, online: false }] });
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

    // Carla's socket is in order and hears what she asks about: only Ben's updates never came.
    const annaOffline = nextEvent(
      carlaSocket,
      'presence:update',
      (u) => u.userId === anna.user._id,
    );
    expect(await carlaSocket.emitWithAck('presence:query', { userIds: [anna.user._id] })).toEqual({
      ok: true,
      data: [{ userId: anna.user._id, online: true }],
    });
    annaSocket.close();
    expect(await annaOffline).toEqual({ userId: anna.user._id, online: false });
    expect(carlaHeard).toEqual([{ userId: anna.user._id, online: false }]);
    carlaSocket.close();
  });

  it(`follows at most the ${PRESENCE_WATCH_MAX} users a socket asked about last`, async () => {
    const carla = await createUser().then((user) => signIn(t, user));
    const annaSocket = await connectSocket(t.baseUrl, anna.accessToken);
    const heard: PresenceUpdate[] = [];
    annaSocket.on('presence:update', (update) => heard.push(update));
    // Ben first, then as many others as the cap allows: Ben is the one left.
    await annaSocket.emitWithAck('presence:query', { userIds: [ben.user._id] });
    const others = Array.from({ length: PRESENCE_WATCH_MAX }, () =>
      new Types.ObjectId().toHexString(),
    );
    expect(await annaSocket.emitWithAck('presence:query', { userIds: others })).toMatchObject({
      ok: true,
    });
    // Carla follows Ben: once she hears him, anything sent to Anna at once has reached her too
    // when her next answer arrives (one socket's packets stay in order).
    const carlaSocket = await connectSocket(t.baseUrl, carla.accessToken);
    await carlaSocket.emitWithAck('presence:query', { userIds: [ben.user._id] });
    const carlaHearsBen = nextEvent(
      carlaSocket,
      'presence:update',
      (u) => u.userId === ben.user._id,
    );
    const benSocket = await connectSocket(t.baseUrl, ben.accessToken);
    expect(await carlaHearsBen).toEqual({ userId: ben.user._id, online: true });
    await annaSocket.emitWithAck('presence:query', { userIds: [anna.user._id] });
    expect(heard).toEqual([]);

    // Asked again, Ben is followed again (and the one asked about longest ago is left).
    await annaSocket.emitWithAck('presence:query', { userIds: [ben.user._id] });
    const benOffline = nextEvent(annaSocket, 'presence:update', (u) => u.userId === ben.user._id);
    benSocket.close();
    expect(await benOffline).toEqual({ userId: ben.user._id, online: false });
    expect(heard).toEqual([{ userId: ben.user._id, online: false }]);
    annaSocket.close();
    carlaSocket.close();
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
