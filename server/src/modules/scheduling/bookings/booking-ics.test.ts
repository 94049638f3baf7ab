import type { BookingDTO } from '@coachhub/shared/booking';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createUser,
  sessionFor,
  type SignedIn,
  type TestUser,
} from '../../../../test/fixtures.js';
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
let clientUser: TestUser;
let stranger: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  coach = await createBookableCoach({
    availability: openAvailability('Europe/Berlin', { requiresApproval: true }),
    coach: { firstName: 'Carla', lastName: 'Jensen' },
  });
  clientUser = await createUser({ firstName: 'Lena', lastName: 'Fischer' });
  [coachS, client, stranger, admin] = await Promise.all([
    sessionFor(coach.user),
    sessionFor(clientUser),
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
    // The participants' own addresses: the file goes only to them (and admins).
    expect(String(organizer?.getFirstValue())).toBe(`mailto:${coach.user.email}`);
    const attendee = event.attendees[0];
    expect(attendee?.getParameter('cn')).toBe('Lena Fischer');
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe(`mailto:${clientUser.email}`);
    expect(event.attendees).toHaveLength(1);
    expect(event.summary).toContain('60-minute session');
  });

  it('confirms with the meeting link, bumps SEQUENCE on reschedule and says CANCELLED on cancel', async () => {
    const confirmed = (await act(coachS, booking._id, 'confirm')).body as BookingDTO;
    const afterConfirm = await download(coachS, booking._id);
    expect(afterConfirm.vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(afterConfirm.event.sequence).toBe(1);
    expect(afterConfirm.vevent.getFirstPropertyValue('url')).toBe(confirmed.meetingUrl);
    expect(afterConfirm.event.location).toBe(confirmed.meetingUrl);

    const moved = await act(coachS, booking._id, 'reschedule', {
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

describe('names and notes that could break a property', () => {
  it('come back exactly when the file is read by ical.js', async () => {
    const coachName = { firstName: 'Ana "The Coach"; Díaz,', lastName: 'Jr.\nLópez 🧭 ^_^' };
    const clientName = { firstName: 'Zoë "Z"', lastName: 'Müller;\nBerlin, 😀' };
    const oddCoach = await createBookableCoach({ coach: coachName });
    const oddClient = await createUser(clientName).then(sessionFor);
    const notes = 'Line one; with, punctuation\nLine two "quoted" \\ and a backslash\n\nEnd ✅';
    const res = await t.http
      .post('/api/bookings')
      .set(bearer(oddClient.accessToken))
      .send({
        coachId: oddCoach.user.id,
        sessionTypeId: oddCoach.types[30],
        start: futureAt(6, '11:00', 'Europe/Berlin'),
        notes,
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const booking = res.body as BookingDTO;
    expect(booking.notes).toBe(notes);

    const { raw, vevent, event } = await download(oddClient, booking._id);
    const fullCoach = `${coachName.firstName} ${coachName.lastName}`;
    const fullClient = `${clientName.firstName} ${clientName.lastName}`;
    expect(vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe(fullCoach);
    expect(String(vevent.getFirstPropertyValue('organizer'))).toBe(`mailto:${oddCoach.user.email}`);
    expect(event.attendees).toHaveLength(1);
    expect(event.attendees[0]?.getParameter('cn')).toBe(fullClient);
    expect(event.summary).toBe(`30-minute session: ${fullCoach} & ${fullClient}`);
    expect(event.description).toContain(`with ${fullCoach}\n`);
    expect(event.description.endsWith(`Notes: ${notes}`)).toBe(true);
    // No raw line break or stray quote inside a property: every line is a property or a fold.
    for (const line of raw.split('\r\n').filter(Boolean)) {
      expect(line, line).toMatch(/^([A-Z-]+[;:]| )/);
    }
  });
});
