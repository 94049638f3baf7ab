/**
 * Several server processes behind one address (docker-compose runs two): a user's sockets may
 * sit on one process while the change that concerns them happens on another. With REDIS_URL set
 * the processes share rooms through Redis. Two real processes of the server's own entry point,
 * one memory-mongo process, one real redis-server.
 */
import type { BookingDTO } from '@coachhub/shared/booking';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  startRedisCluster,
  type RedisCluster,
  type ServerProcess,
} from '../../../test/processes.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { closeAllSockets, connectSocket, disconnected, nextEvent } from '../../../test/sockets.js';

const STARTUP_MS = 90_000;
/** Delivery through Redis is fast; the margin is for a loaded CI machine. */
const DELIVERY_MS = 10_000;

let cluster: RedisCluster;
let processA: ServerProcess;
let processB: ServerProcess;
let coach: BookableCoach;
let coachS: SignedIn;
let client: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  cluster = await startRedisCluster('coachhub_redis_processes');
  [processA, processB] = cluster.servers;
  coach = await createBookableCoach({
    availability: openAvailability('UTC', { requiresApproval: true }),
    durations: [60],
  });
  [coachS, client, admin] = await Promise.all([
    sessionFor(coach.user),
    createUser().then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
}, STARTUP_MS);

afterAll(async () => {
  closeAllSockets();
  await cluster?.stop();
});

describe('two server processes sharing Redis', () => {
  it('delivers a booking confirmed on one process to the client socket on the other', async () => {
    const clientSocket = await connectSocket(processA.baseUrl, client.accessToken);
    const created = await request(processA.baseUrl)
      .post('/api/bookings')
      .set(bearer(client.accessToken))
      .send({
        coachId: coachS.user._id,
        sessionTypeId: coach.types[60],
        start: futureAt(3, '10:00'),
      });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const booking = created.body as BookingDTO;

    const updated = nextEvent(
      clientSocket,
      'booking:updated',
      ({ booking: live }) => live._id === booking._id,
      DELIVERY_MS,
    );
    const notified = nextEvent(
      clientSocket,
      'notification:new',
      ({ notification }) => notification.params.bookingId === booking._id,
      DELIVERY_MS,
    );
    const confirmed = await request(processB.baseUrl)
      .post(`/api/bookings/${booking._id}/confirm`)
      .set(bearer(coachS.accessToken))
      .send({});
    expect(confirmed.status).toBe(200);

    expect((await updated).booking).toMatchObject({
      _id: booking._id,
      status: 'confirmed',
      allowedActions: ['cancel', 'reschedule'],
    });
    expect((await notified).notification.type).toBe('booking.confirmed');
  });

  it('tells a socket on one process when a user it asked about connects to the other, and goes', async () => {
    const [watcher, watched] = await Promise.all([
      createUser().then(sessionFor),
      createUser().then(sessionFor),
    ]);
    const watcherSocket = await connectSocket(processA.baseUrl, watcher.accessToken);
    const asked = await watcherSocket.emitWithAck('presence:query', {
      userIds: [watched.user._id],
    });
    expect(asked).toEqual({ ok: true, data: [{ userId: watched.user._id, online: false }] });
    const online = nextEvent(
      watcherSocket,
      'presence:update',
      (update) => update.userId === watched.user._id,
      DELIVERY_MS,
    );
    const watchedSocket = await connectSocket(processB.baseUrl, watched.accessToken);
    expect(await online).toEqual({ userId: watched.user._id, online: true });
    const offline = nextEvent(
      watcherSocket,
      'presence:update',
      (update) => update.userId === watched.user._id && !update.online,
      DELIVERY_MS,
    );
    watchedSocket.close();
    expect(await offline).toEqual({ userId: watched.user._id, online: false });
    watcherSocket.close();
  });

  it('closes the sockets of a user suspended through the other process', async () => {
    const target = await createUser().then(sessionFor);
    const socket = await connectSocket(processB.baseUrl, target.accessToken);
    const notice = nextEvent(socket, 'account:suspended', () => true, DELIVERY_MS);
    const closed = disconnected(socket);
    const res = await request(processA.baseUrl)
      .post(`/api/admin/users/${target.user._id}/suspend`)
      .set(bearer(admin.accessToken))
      .send({ reason: 'Spam' });
    expect(res.status).toBe(200);
    expect(await notice).toEqual({ reason: 'Spam' });
    expect(await closed).toBe('io server disconnect');
  });

  it('closes the sockets of a session signed out through the other process, and only those', async () => {
    const user = await createUser();
    const [laptop, phone] = await Promise.all([sessionFor(user), sessionFor(user)]);
    const laptopSocket = await connectSocket(processB.baseUrl, laptop.accessToken);
    const phoneSocket = await connectSocket(processB.baseUrl, phone.accessToken);
    const told = nextEvent(laptopSocket, 'session:ended', () => true, DELIVERY_MS);
    const closed = disconnected(laptopSocket);
    const res = await request(processA.baseUrl)
      .post('/api/auth/logout')
      .set('Cookie', laptop.refreshCookie);
    expect(res.status).toBe(204);
    expect(await told).toEqual({ reason: 'logout' });
    expect(await closed).toBe('io server disconnect');
    // The phone's session is still open: its socket stays and still hears what concerns it.
    expect(phoneSocket.connected).toBe(true);
  });
});
