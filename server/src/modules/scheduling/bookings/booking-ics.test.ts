import type { BookingDTO } from '@coachhub/shared/booking';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';

let t: TestServer;
let coach: BookableCoach;
let coachS: SignedIn;
let client: SignedIn;
let stranger: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  coach = await createBookableCoach({
    availability: openAvailability('Europe/Berlin', { requiresApproval: true }),
    coach: { firstName: 'Carla', lastName: 'Jensen' },
  });
  [coachS, client, stranger, admin] = await Promise.all([
    sessionFor(coach.user),
    createUser({ firstName: 'Lena', lastName: 'Fischer' }).then(sessionFor),
    createUser().then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
});
afterAll(() => t.close());

/** Parses the download with ical.js, an independent implementation of RFC 5545. */
async function download(who: SignedIn, id: string) {
  const res = await t.http.get(`/api/bookings/${id}/ics`).set(bearer(who.accessToken));
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
  expect(res.headers['content-disposition']).toMatch(
    /^attachment; filename="?coachhub-booking-[0-9a-f]{24}\.ics"?$/,
  );
  const calendar = new ICAL.Component(ICAL.parse(res.text));
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  const vevent = vevents[0] as ICAL.Component;
  const event = new ICAL.Event(vevent);
  return { raw: res.text, vevent, event };
}

const act = (who: SignedIn, id: string, action: string, body: object = {}) =>
  t.http.post(`/api/bookings/${id}/${action}`).set(bearer(who.accessToken)).send(body);

describe('GET /api/bookings/:id/ics', () => {
  let booking: BookingDTO;

  beforeAll(async () => {
    const res = await t.http
      .post('/api/bookings')
      .set(bearer(client.accessToken))
      .send({
        coachId: coachS.user._id,
        sessionTypeId: coach.types[60],
        start: futureAt(4, '09:00', 'Europe/Berlin'),
      });
    expect(res.status).toBe(201);
    booking = res.body as BookingDTO;
  });

  it('is a valid VEVENT in UTC with a stable UID, organizer and attendee', async () => {
    const { raw, vevent, event } = await download(client, booking._id);
    expect(event.uid).toBe(`booking-${booking._id}@coachhub`);
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.startDate.toJSDate().toISOString()).toBe(booking.start);
    expect(event.endDate.toJSDate().toISOString()).toBe(booking.end);
    expect(raw).toMatch(/^DTSTART:\d{8}T\d{6}Z\r?$/m);
    expect(raw).not.toMatch(/TZID/);
    const organizer = vevent.getFirstProperty('organizer');
    expect(organizer?.getParameter('cn')).toBe('Carla Jensen');
    expect(String(organizer?.getFirstValue())).toMatch(
      /^mailto:user-[0-9a-f]{24}@users\.coachhub\.invalid$/,
    );
    const attendee = event.attendees[0];
    expect(attendee?.getParameter('cn')).toBe('Lena Fischer');
    expect(event.attendees).toHaveLength(1);
    expect(event.summary).toContain('60-minute session');
    // Nobody's real address leaves the server.
    expect(raw).not.toMatch(/@example\.com/);
  });

  it('confirms with the meeting link, bumps SEQUENCE on reschedule and says CANCELLED on cancel', async () => {
    const confirmed = (await act(coachS, booking._id, 'confirm')).body as BookingDTO;
    const afterConfirm = await download(coachS, booking._id);
    expect(afterConfirm.vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(afterConfirm.event.sequence).toBe(1);
    expect(afterConfirm.vevent.getFirstPropertyValue('url')).toBe(confirmed.meetingUrl);
    expect(afterConfirm.event.location).toBe(confirmed.meetingUrl);

    const moved = await act(client, booking._id, 'reschedule', {
      start: futureAt(5, '14:00', 'Europe/Berlin'),
    });
    expect(moved.status).toBe(200);
    const afterMove = await download(client, booking._id);
    expect(afterMove.event.uid).toBe(`booking-${booking._id}@coachhub`);
    expect(afterMove.event.sequence).toBe(2);
    expect(afterMove.event.startDate.toJSDate().toISOString()).toBe(
      new Date(futureAt(5, '14:00', 'Europe/Berlin')).toISOString(),
    );

    await act(client, booking._id, 'cancel');
    const afterCancel = await download(client, booking._id);
    expect(afterCancel.event.uid).toBe(`booking-${booking._id}@coachhub`);
    expect(afterCancel.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(afterCancel.event.sequence).toBe(3);
  });

  it('is for the participants and admins only', async () => {
    expect(
      (await t.http.get(`/api/bookings/${booking._id}/ics`).set(bearer(stranger.accessToken)))
        .status,
    ).toBe(404);
    expect(
      (await t.http.get(`/api/bookings/${booking._id}/ics`).set(bearer(admin.accessToken))).status,
    ).toBe(200);
    expect((await t.http.get(`/api/bookings/${booking._id}/ics`)).status).toBe(401);
  });
});
