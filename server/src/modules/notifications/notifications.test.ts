import type { BookingDTO } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { NotificationDTO, NotificationPage } from '@coachhub/shared/notification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPendingCoach } from '../../../test/coach-fixtures.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { closeAllSockets, connectSocket, nextEvent } from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let t: TestServer;
let carla: BookableCoach; // requires approval
let carlaS: SignedIn;
let lena: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  carla = await createBookableCoach({
    availability: openAvailability('UTC', { requiresApproval: true }),
    coach: { firstName: 'Carla', lastName: 'Coach' },
  });
  [carlaS, lena, admin] = await Promise.all([
    sessionFor(carla.user),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

const as = (who: SignedIn) => bearer(who.accessToken);
const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;

async function notificationsOf(who: SignedIn, query = ''): Promise<NotificationPage> {
  await t.server.events.settled();
  const res = await t.http.get(`/api/notifications${query}`).set(as(who));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as NotificationPage;
}

async function book(start: string): Promise<BookingDTO> {
  const res = await t.http
    .post('/api/bookings')
    .set(as(lena))
    .send({ coachId: carlaS.user._id, sessionTypeId: carla.types[60], start });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as BookingDTO;
}

const act = (who: SignedIn, id: string, action: string, body: object = {}) =>
  t.http.post(`/api/bookings/${id}/${action}`).set(as(who)).send(body);

describe('notifications', () => {
  it('tells the other side of every booking change, live and in the list, newest first', async () => {
    const carlaSocket = await connectSocket(t.baseUrl, carlaS.accessToken);
    const carlaHears = nextEvent(carlaSocket, 'notification:new');
    const start = futureAt(4, '09:00');
    const booking = await book(start);

    const live = await carlaHears;
    expect(live.unreadCount).toBe(1);
    expect(live.notification).toMatchObject({
      type: 'booking.requested',
      key: 'notifications.booking.requested',
      params: {
        bookingId: booking._id,
        title: '60-minute session',
        start: new Date(start).toISOString(),
        name: 'Lena Client',
      },
      link: '/practice',
      readAt: null,
    });

    expect((await act(carlaS, booking._id, 'confirm')).status).toBe(200);
    const moved = futureAt(4, '11:00');
    // Carla approves changes: Lena asks to move it, Carla hears of it and approves.
    expect((await act(lena, booking._id, 'reschedule', { start: moved })).status).toBe(202);
    expect((await act(carlaS, booking._id, 'approve-reschedule')).status).toBe(200);
    expect((await act(carlaS, booking._id, 'cancel', { reason: 'Ill' })).status).toBe(200);

    const forLena = await notificationsOf(lena);
    expect(forLena.items.map((item) => item.type)).toEqual([
      'booking.cancelled',
      'booking.rescheduled',
      'booking.confirmed',
    ]);
    expect(forLena.items[0]).toMatchObject({
      params: { name: 'Carla Coach', reason: 'Ill', feeAmount: 0, feeCurrency: 'EUR' },
      link: '/bookings',
    });
    expect(forLena.items[1]?.params).toMatchObject({
      start: new Date(moved).toISOString(),
      previousStart: new Date(start).toISOString(),
      name: 'Carla Coach',
    });
    expect(forLena.unreadCount).toBe(3);

    const forCarla = await notificationsOf(carlaS);
    expect(forCarla.items.map((item) => item.type)).toEqual([
      'booking.reschedule_requested',
      'booking.requested',
    ]);
    expect(forCarla.items[0]).toMatchObject({
      key: 'notifications.booking.reschedule_requested',
      params: {
        start: new Date(start).toISOString(),
        requestedStart: new Date(moved).toISOString(),
        name: 'Lena Client',
      },
      link: '/practice',
    });
  });

  it('tells the client of a decline with its reason', async () => {
    const booking = await book(futureAt(5, '09:00'));
    expect((await act(carlaS, booking._id, 'decline', { reason: 'Away' })).status).toBe(200);
    const [latest] = (await notificationsOf(lena)).items;
    expect(latest).toMatchObject({
      type: 'booking.declined',
      params: { bookingId: booking._id, reason: 'Away', name: 'Carla Coach' },
    });
  });

  it('marks one or all as read, only the owner, and filters unread ones', async () => {
    const before = await notificationsOf(lena);
    expect(before.unreadCount).toBeGreaterThanOrEqual(2);
    const [first] = before.items as NotificationDTO[];
    if (!first) throw new Error('Lena has no notifications');

    const byOther = await t.http.post(`/api/notifications/${first._id}/read`).set(as(carlaS));
    expect(byOther.status).toBe(404);
    expect(codeOf(byOther.body)).toBe('NOT_FOUND');

    const read = await t.http.post(`/api/notifications/${first._id}/read`).set(as(lena));
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ unreadCount: before.unreadCount - 1 });
    const again = await t.http.post(`/api/notifications/${first._id}/read`).set(as(lena));
    expect(again.body).toEqual({ unreadCount: before.unreadCount - 1 });

    const unread = await notificationsOf(lena, '?unread=true');
    expect(unread.items.map((item) => item._id)).not.toContain(first._id);
    expect(unread.total).toBe(before.unreadCount - 1);
    const afterOne = await notificationsOf(lena);
    expect(afterOne.items.find((item) => item._id === first._id)?.readAt).toEqual(
      expect.any(String),
    );

    const all = await t.http.post('/api/notifications/read-all').set(as(lena));
    expect(all.body).toEqual({ unreadCount: 0 });
    expect((await notificationsOf(lena)).unreadCount).toBe(0);
    expect((await notificationsOf(lena, '?unread=true')).items).toEqual([]);
  });

  it('tells a coach of the verification decision', async () => {
    const pending = await createPendingCoach();
    const res = await t.http
      .post(`/api/admin/coaches/${pending.id}/reject`)
      .set(as(admin))
      .send({ reason: 'Add your certification' });
    expect(res.status).toBe(200);
    const coach = await sessionFor(pending);
    const [latest] = (await notificationsOf(coach)).items;
    expect(latest).toMatchObject({
      type: 'coach.rejected',
      params: { reason: 'Add your certification' },
      link: '/practice/profile',
    });
  });

  it('refuses strangers and bad input', async () => {
    expect((await t.http.get('/api/notifications')).status).toBe(401);
    for (const query of ['?unread=maybe', '?unread=true&unread=false', '?page=0', '?mine=1']) {
      const res = await t.http.get(`/api/notifications${query}`).set(as(lena));
      expect(res.status, query).toBe(400);
      expect(codeOf(res.body)).toBe('VALIDATION_FAILED');
    }
    const badId = await t.http.post('/api/notifications/not-an-id/read').set(as(lena));
    expect(badId.status).toBe(400);
    const extra = await t.http
      .post('/api/notifications/read-all')
      .set(as(lena))
      .send({ all: true });
    expect(extra.status).toBe(400);
  });
});
