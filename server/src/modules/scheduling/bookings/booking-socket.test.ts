import type { BookingDTO } from '@coachhub/shared/booking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../../test/scheduling-fixtures.js';
import { closeAllSockets, connectSocket, nextEvent } from '../../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';

let t: TestServer;
let coach: BookableCoach;
let coachS: SignedIn;
let client: SignedIn;
let bystander: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  coach = await createBookableCoach({
    availability: openAvailability('UTC', { requiresApproval: true }),
  });
  [coachS, client, bystander] = await Promise.all([
    sessionFor(coach.user),
    createUser().then(sessionFor),
    createUser().then(sessionFor),
  ]);
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

describe('booking events over Socket.IO', () => {
  it('tells both sides live, each with their own allowed actions, and nobody else', async () => {
    const [coachSocket, clientSocket, bystanderSocket] = await Promise.all([
      connectSocket(t.baseUrl, coachS.accessToken),
      connectSocket(t.baseUrl, client.accessToken),
      connectSocket(t.baseUrl, bystander.accessToken),
    ]);
    const overheard: unknown[] = [];
    bystanderSocket.on('booking:created', (event) => overheard.push(event));
    bystanderSocket.on('booking:updated', (event) => overheard.push(event));

    const coachHears = nextEvent(coachSocket, 'booking:created');
    const clientHears = nextEvent(clientSocket, 'booking:created');
    const res = await t.http
      .post('/api/bookings')
      .set(bearer(client.accessToken))
      .send({
        coachId: coachS.user._id,
        sessionTypeId: coach.types[30],
        start: futureAt(3, '10:00'),
      });
    expect(res.status).toBe(201);
    const created = res.body as BookingDTO;

    const forCoach = (await coachHears).booking;
    expect(forCoach).toMatchObject({ _id: created._id, status: 'pending' });
    expect(forCoach.allowedActions).toEqual(['confirm', 'decline', 'cancel', 'reschedule']);
    expect(forCoach.coach._id).toBe(coachS.user._id);
    expect(forCoach.client._id).toBe(client.user._id);
    expect((await clientHears).booking).toEqual({
      ...forCoach,
      allowedActions: ['cancel', 'reschedule'],
    });

    const clientUpdated = nextEvent(
      clientSocket,
      'booking:updated',
      (e) => e.booking._id === created._id,
    );
    const coachUpdated = nextEvent(
      coachSocket,
      'booking:updated',
      (e) => e.booking._id === created._id,
    );
    const confirm = await t.http
      .post(`/api/bookings/${created._id}/confirm`)
      .set(bearer(coachS.accessToken))
      .send({});
    expect(confirm.status).toBe(200);
    const update = (await clientUpdated).booking;
    expect(update.status).toBe('confirmed');
    expect(update.meetingUrl).toBe((confirm.body as BookingDTO).meetingUrl);
    expect(update.allowedActions).toEqual(['cancel', 'reschedule']);
    expect((await coachUpdated).booking.allowedActions).toEqual(['cancel', 'reschedule']);

    // A refused change announces nothing.
    const refused = await t.http
      .post(`/api/bookings/${created._id}/confirm`)
      .set(bearer(coachS.accessToken))
      .send({});
    expect(refused.status).toBe(409);
    const cancelHeard = nextEvent(coachSocket, 'booking:updated');
    await t.http
      .post(`/api/bookings/${created._id}/cancel`)
      .set(bearer(client.accessToken))
      .send({});
    expect((await cancelHeard).booking.status).toBe('cancelled');
    expect(overheard).toEqual([]);
  });
});
