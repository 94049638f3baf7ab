import type { AddressInfo } from 'node:net';
import type { BookingDTO } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { NotificationPreferencesDTO } from '@coachhub/shared/notification';
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

const as = (who: SignedIn) => bearer(who.accessToken);
const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;

/** A real SMTP server in this process: every accepted mail, parsed as a mail client would. */
async function startSmtpServer() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => server.close() };
}

/** The hour and minute of an instant in a zone, as Intl writes them in that language. */
const clockIn = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );

describe('booking e-mails through SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestServer;
  let carla: BookableCoach;
  let carlaS: SignedIn;
  let lena: SignedIn;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestServer(import.meta.filename, { SMTP_URL: smtp.url });
    carla = await createBookableCoach({
      availability: openAvailability('UTC', { requiresApproval: true }),
      coach: { firstName: 'Carla', lastName: 'Coach' },
    });
    [carlaS, lena] = await Promise.all([
      sessionFor(carla.user),
      createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
    ]);
    // Carla reads German in New York; Lena English in Berlin.
    for (const [who, settings] of [
      [carlaS, { locale: 'de', timeZone: 'America/New_York' }],
      [lena, { locale: 'en', timeZone: 'Europe/Berlin' }],
    ] as const) {
      expect((await t.http.patch('/api/users/me').set(as(who)).send(settings)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await t.close();
    smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const mailsTo = async (who: SignedIn) => {
    await t.server.events.settled();
    return smtp.received.filter(
      (mail) => mail.to && 'text' in mail.to && mail.to.text.includes(who.user.email),
    );
  };

  it('mails the coach a request in German with New York times and the .ics', async () => {
    const start = futureAt(6, '15:00');
    const res = await t.http
      .post('/api/bookings')
      .set(as(lena))
      .send({ coachId: carlaS.user._id, sessionTypeId: carla.types[60], start });
    expect(res.status).toBe(201);
    const booking = res.body as BookingDTO;

    const [mail, ...more] = await mailsTo(carlaS);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Neue Buchungsanfrage von Lena Client');
    expect(mail?.text).toContain('Lena Client fragt „60-minute session“ am');
    expect(mail?.text).toContain(clockIn(start, 'de', 'America/New_York'));
    expect(mail?.text).not.toContain(clockIn(start, 'de', 'UTC'));
    expect(mail?.html).toContain('<html lang="de"');
    expect(mail?.html).toContain('Lena Client fragt');
    expect(mail?.text).toContain('CoachHub öffnen: http://localhost:');

    const [attachment] = mail?.attachments ?? [];
    expect(attachment?.contentType).toBe('text/calendar');
    const event = new ICAL.Component(
      ICAL.parse(attachment?.content.toString('utf8') ?? ''),
    ).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('uid')).toBe(`booking-${booking._id}@coachhub`);
    expect(event?.getFirstPropertyValue('status')).toBe('TENTATIVE');
  });

  it('mails the client the confirmation in English with Berlin times and the updated .ics', async () => {
    const start = futureAt(7, '15:00');
    const booking = (
      await t.http
        .post('/api/bookings')
        .set(as(lena))
        .send({ coachId: carlaS.user._id, sessionTypeId: carla.types[60], start })
    ).body as BookingDTO;
    expect(
      (await t.http.post(`/api/bookings/${booking._id}/confirm`).set(as(carlaS)).send({})).status,
    ).toBe(200);

    const [mail] = await mailsTo(lena);
    expect(mail?.subject).toMatch(/^Confirmed: 60-minute session on /);
    expect(mail?.text).toContain('Carla Coach confirmed your session');
    expect(mail?.text).toContain(clockIn(start, 'en', 'Europe/Berlin'));
    const calendar = mail?.attachments[0]?.content.toString('utf8') ?? '';
    const event = new ICAL.Component(ICAL.parse(calendar)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event?.getFirstPropertyValue('sequence')).toBe(1);
  });

  it('sends no mail for a type the reader switched off; the in-app notification stays', async () => {
    const prefs = await t.http
      .put('/api/users/me/notification-preferences')
      .set(as(lena))
      .send({ email: { 'booking.cancelled': false } });
    expect(prefs.status, JSON.stringify(prefs.body)).toBe(200);
    const stored = prefs.body as NotificationPreferencesDTO;
    expect(stored.email['booking.cancelled']).toBe(false);
    expect(stored.email['booking.confirmed']).toBe(true);
    expect((await t.http.get('/api/users/me/notification-preferences').set(as(lena))).body).toEqual(
      stored,
    );

    const booking = (
      await t.http
        .post('/api/bookings')
        .set(as(lena))
        .send({
          coachId: carlaS.user._id,
          sessionTypeId: carla.types[60],
          start: futureAt(8, '15:00'),
        })
    ).body as BookingDTO;
    smtp.received.length = 0;
    expect(
      (await t.http.post(`/api/bookings/${booking._id}/cancel`).set(as(carlaS)).send({})).status,
    ).toBe(200);
    expect(await mailsTo(lena)).toEqual([]);
    const inApp = await t.http.get('/api/notifications').set(as(lena));
    expect(inApp.body.items[0]).toMatchObject({ type: 'booking.cancelled' });
  });

  it('refuses preferences for unknown types or of the wrong shape', async () => {
    for (const body of [
      { email: { 'booking.exploded': false } },
      { email: { 'booking.cancelled': 'no' } },
      { email: 'none' },
      { email: {}, extra: true },
    ]) {
      const res = await t.http
        .put('/api/users/me/notification-preferences')
        .set(as(lena))
        .send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(codeOf(res.body)).toBe('VALIDATION_FAILED');
    }
    expect((await t.http.get('/api/users/me/notification-preferences')).status).toBe(401);
  });
});
