import type { BookingDTO } from '@coachhub/shared/booking';
import type { NotificationPage } from '@coachhub/shared/notification';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

/**
 * The clock is driven through the lead time: the first reminder is due a few seconds after the
 * server starts (for the session booked below), the second one far ahead.
 */
const START = futureAt(3, '10:00');
const DUE_IN_MS = 15_000;
const SOON_LEAD = (Date.parse(START) - (Date.now() + DUE_IN_MS)) / 60_000;
const FAR_LEAD = 60;

let t: TestServer;
let carla: BookableCoach;
let carlaS: SignedIn;
let lena: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, {
    REMINDER_LEAD_MINUTES: `${SOON_LEAD},${FAR_LEAD}`,
    JOBS_PROCESS_EVERY_MS: '100',
  });
  carla = await createBookableCoach({
    availability: openAvailability('UTC', { requiresApproval: true }),
    coach: { firstName: 'Carla', lastName: 'Coach' },
  });
  [carlaS, lena] = await Promise.all([
    sessionFor(carla.user),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
  ]);
});
afterAll(() => t.close());

const as = (who: SignedIn) => bearer(who.accessToken);
const jobsOf = (bookingId: string) =>
  mongoose.connection
    .collection('jobs')
    .find({ name: 'booking reminder', 'data.bookingId': bookingId })
    .sort({ nextRunAt: 1 })
    .toArray();

async function confirmedBooking(start: string): Promise<BookingDTO> {
  const res = await t.http
    .post('/api/bookings')
    .set(as(lena))
    .send({ coachId: carlaS.user._id, sessionTypeId: carla.types[60], start });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const booking = res.body as BookingDTO;
  expect(
    (await t.http.post(`/api/bookings/${booking._id}/confirm`).set(as(carlaS)).send({})).status,
  ).toBe(200);
  await t.server.events.settled();
  return booking;
}

async function remindersOf(who: SignedIn, bookingId: string) {
  const page = (await t.http.get('/api/notifications').set(as(who))).body as NotificationPage;
  return page.items.filter(
    (item) => item.type === 'booking.reminder' && item.params.bookingId === bookingId,
  );
}

describe('booking reminders', () => {
  it('schedules none for a pending request, then one per lead time once confirmed', async () => {
    const res = await t.http
      .post('/api/bookings')
      .set(as(lena))
      .send({
        coachId: carlaS.user._id,
        sessionTypeId: carla.types[60],
        start: futureAt(4, '12:00'),
      });
    await t.server.events.settled();
    expect(await jobsOf((res.body as BookingDTO)._id)).toEqual([]);
  });

  it('reminds both participants once when the moment comes, and keeps the far reminder', async () => {
    const booking = await confirmedBooking(START);
    const jobs = await jobsOf(booking._id);
    expect(jobs.map((job) => (job.data as { leadMinutes: number }).leadMinutes)).toEqual([
      SOON_LEAD,
      FAR_LEAD,
    ]);
    expect(jobs[1]?.nextRunAt).toEqual(new Date(Date.parse(START) - FAR_LEAD * 60_000));

    const deadline = Date.now() + DUE_IN_MS + 15_000;
    while (Date.now() < deadline && (await remindersOf(lena, booking._id)).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Give a second run (which must not happen) the chance to show up.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await t.server.events.settled();
    for (const [who, name, link] of [
      [lena, 'Carla Coach', '/bookings'],
      [carlaS, 'Lena Client', '/practice'],
    ] as const) {
      const reminders = await remindersOf(who, booking._id);
      expect(reminders).toHaveLength(1);
      expect(reminders[0]).toMatchObject({
        params: {
          title: '60-minute session',
          start: new Date(START).toISOString(),
          name,
          leadMinutes: SOON_LEAD,
        },
        link,
      });
    }
    const outbox = (await t.http.get('/api/dev/outbox')).body as { subject: string }[];
    expect(
      outbox.filter((mail) => mail.subject.startsWith('Reminder: 60-minute session')),
    ).toHaveLength(2);
  });

  it('moves the reminders with a reschedule and removes them with a cancellation', async () => {
    const booking = await confirmedBooking(futureAt(5, '09:00'));
    const moved = futureAt(5, '13:00');
    expect(
      (
        await t.http
          .post(`/api/bookings/${booking._id}/reschedule`)
          .set(as(carlaS))
          .send({ start: moved })
      ).status,
    ).toBe(200);
    await t.server.events.settled();
    const far = (await jobsOf(booking._id)).find(
      (job) => (job.data as { leadMinutes: number }).leadMinutes === FAR_LEAD,
    );
    expect(far?.nextRunAt).toEqual(new Date(Date.parse(moved) - FAR_LEAD * 60_000));
    expect((await jobsOf(booking._id)).length).toBe(2);

    expect(
      (await t.http.post(`/api/bookings/${booking._id}/cancel`).set(as(lena)).send({})).status,
    ).toBe(200);
    await t.server.events.settled();
    expect(await jobsOf(booking._id)).toEqual([]);
  });
});
