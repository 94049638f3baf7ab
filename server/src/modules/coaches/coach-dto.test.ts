import type {
  BecomeCoachResponse,
  CoachDirectoryPage,
  CoachDTO,
  CoachMatch,
} from '@coachhub/shared/coach';
import type { BookingDTO, BookingPage, CoachProfileDTO } from '@coachhub/shared/booking';
import type { ConversationDTO, ConversationPage } from '@coachhub/shared/conversation';
import type { Page } from '@coachhub/shared/pagination';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach, images } from '../../../test/coach-fixtures.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { closeAllSockets, connectSocket, nextEvent } from '../../../test/sockets.js';
import { futureAt, openAvailability } from '../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Availability } from '../scheduling/availability/availability.model.js';
import { SessionType } from '../scheduling/session-types/session-type.model.js';
import { Coach } from './coach.model.js';

/** Every key of CoachDTO, checked by the compiler in both directions (none missing, none extra). */
const COACH_DTO_SHAPE: Record<keyof CoachDTO, true> = {
  _id: true,
  firstName: true,
  lastName: true,
  role: true,
  status: true,
  online: true,
  profilePicture: true,
  coachProfilePicture: true,
  headline: true,
  bio: true,
  specialties: true,
  languages: true,
  certifications: true,
  yearsOfExperience: true,
  rating: true,
  priceFrom: true,
  timeZone: true,
  verification: true,
  listed: true,
};
const sortedKeys = (value: object) => Object.keys(value).sort();
/** Never in any body that carries a coach: secrets, session data and internal bookkeeping. */
const PRIVATE = [
  /passwordHash/i,
  /\$2[aby]\$\d{2}\$/,
  /accessToken/i,
  /refresh/i,
  /tokenHash/i,
  /sessionId/i,
  /"email"/,
  /bookingSettings/,
  /reviewedBy/,
  /userStatus/,
  /submittedAt/,
  /"__v"/,
];

function expectCoachDTO(value: unknown): void {
  const dto = value as CoachDTO;
  expect(sortedKeys(dto)).toEqual(sortedKeys(COACH_DTO_SHAPE));
  expect(dto._id).toMatch(/^[0-9a-f]{24}$/);
  expect(typeof dto.online).toBe('boolean');
  expect(dto.status).toBe(dto.online ? 'online' : 'offline');
  expect(sortedKeys(dto.rating)).toEqual(['average', 'count']);
  expect(sortedKeys(dto.verification)).toEqual(['reason', 'reviewedAt', 'status']);
  if (dto.priceFrom) expect(sortedKeys(dto.priceFrom)).toEqual(['amount', 'currency']);
  for (const picture of [dto.profilePicture, dto.coachProfilePicture]) {
    if (picture) expect(sortedKeys(picture)).toEqual(['publicId', 'url']);
  }
  for (const list of [dto.specialties, dto.languages, dto.certifications]) {
    expect(list.every((item) => typeof item === 'string')).toBe(true);
  }
}

let t: TestServer;
let admin: SignedIn;
let client: SignedIn;
let coach: SignedIn;
let applicant: SignedIn;
let coachEmail: string;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  const coachUser = await createTestCoach({
    firstName: 'Dora',
    profile: {
      headline: 'Leadership coach',
      specialties: ['leadership'],
      languages: ['en'],
      priceFrom: { amount: 9000, currency: 'EUR' },
      rating: { average: 4.5, count: 4 },
      // Internal data that must never leave through a CoachDTO.
      bookingSettings: {
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 15,
        minNoticeHours: 24,
        maxDaysAhead: 60,
        dailyLimit: 0,
        requiresApproval: true,
        cancellationPolicy: { freeUntilHours: 24, feePercent: 50 },
      },
    },
  });
  coachEmail = coachUser.email;
  [admin, client, coach, applicant] = await Promise.all([
    createUser({ role: 'admin' }).then(sessionFor),
    createUser().then(sessionFor),
    sessionFor(coachUser),
    createUser({ firstName: 'Abe' }).then(sessionFor),
  ]);
  await Coach.updateOne(
    { user: coach.user._id },
    { $set: { 'verification.reviewedBy': admin.user._id } },
  );
  for (const url of [
    '/api/users/me/profile-picture',
    `/api/coaches/${coach.user._id}/profile-picture`,
  ]) {
    const res = await t.http
      .post(url)
      .set(bearer(coach.accessToken))
      .attach('file', images.png(), 'p.png');
    expect(res.status).toBe(200);
  }
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

/** The body's CoachDTOs pass the exact shape; nothing private is in the raw body. */
function check(
  res: Response,
  coaches: (body: never) => unknown[],
  options: { ownEmail?: string } = {},
) {
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  const found = coaches(res.body as never);
  expect(found.length).toBeGreaterThan(0);
  found.forEach(expectCoachDTO);
  let raw = res.text;
  if (options.ownEmail) raw = raw.replaceAll(`"email":"${options.ownEmail}"`, '');
  for (const pattern of PRIVATE) expect(raw).not.toMatch(pattern);
  expect(raw).not.toContain(coachEmail);
}

describe('every route that returns a coach returns exactly a CoachDTO, and nothing private', () => {
  it('GET /api/coaches, anonymous and signed in', async () => {
    for (const token of [undefined, client.accessToken, coach.accessToken]) {
      const call = t.http.get('/api/coaches?q=leadership');
      const res = await (token ? call.set(bearer(token)) : call);
      check(res, (page: CoachDirectoryPage) => page.items);
    }
  });

  it('GET /api/coaches/:userId, whoever asks: the CoachDTO plus its session types', async () => {
    for (const token of [undefined, client.accessToken, admin.accessToken, coach.accessToken]) {
      const call = t.http.get(`/api/coaches/${coach.user._id}`);
      check(await (token ? call.set(bearer(token)) : call), (profile: CoachProfileDTO) => {
        const { sessionTypes, ...dto } = profile;
        expect(Array.isArray(sessionTypes)).toBe(true);
        return [dto];
      });
    }
  });

  it('PATCH /api/coaches/:userId', async () => {
    const res = await t.http
      .patch(`/api/coaches/${coach.user._id}`)
      .set(bearer(coach.accessToken))
      .send({ bio: 'Updated' });
    check(res, (dto: CoachDTO) => [dto]);
  });

  it('POST /api/coaches/match', async () => {
    for (const token of [undefined, client.accessToken]) {
      const call = t.http.post('/api/coaches/match');
      const res = await (token ? call.set(bearer(token)) : call).send({
        specialties: ['leadership'],
      });
      check(res, (matches: CoachMatch[]) => matches.map((m) => m.coach));
      for (const entry of res.body as CoachMatch[]) {
        expect(sortedKeys(entry)).toEqual(['coach', 'factors', 'score']);
      }
    }
  });

  it('POST /api/users/me/become-coach (the caller sees only their own email)', async () => {
    const res = await t.http
      .post('/api/users/me/become-coach')
      .set(bearer(applicant.accessToken))
      .send({ specialties: ['leadership'] });
    check(res, (body: BecomeCoachResponse) => [body.coach], { ownEmail: applicant.user.email });
    expect((res.body as BecomeCoachResponse).user.email).toBe(applicant.user.email);
  });

  it('GET /api/admin/coaches/pending and the approve / reject answers, plus the coach:updated event', async () => {
    const pending = await t.http.get('/api/admin/coaches/pending').set(bearer(admin.accessToken));
    check(pending, (page: Page<CoachDTO>) => page.items);

    const socket = await connectSocket(t.baseUrl, applicant.accessToken);
    const events = [nextEvent(socket, 'coach:updated')];
    const approve = await t.http
      .post(`/api/admin/coaches/${applicant.user._id}/approve`)
      .set(bearer(admin.accessToken))
      .send({});
    check(approve, (dto: CoachDTO) => [dto]);
    const event = await events[0];
    expect(sortedKeys(event ?? {})).toEqual(['coach']);
    expectCoachDTO(event?.coach);

    const reject = await t.http
      .post(`/api/admin/coaches/${applicant.user._id}/reject`)
      .set(bearer(admin.accessToken))
      .send({ reason: 'Checking again' });
    check(reject, (dto: CoachDTO) => [dto]);
  });

  it('the booking routes and events: create, list, read, transitions, booking:* sockets', async () => {
    await Availability.create({
      coach: coach.user._id,
      ...openAvailability('UTC', { requiresApproval: true }),
    });
    const type = await SessionType.create({
      coach: coach.user._id,
      title: 'Talk',
      slug: 'talk',
      durationMinutes: 30,
      mode: 'video',
    });
    const coachSocket = await connectSocket(t.baseUrl, coach.accessToken);
    const created = nextEvent(coachSocket, 'booking:created');
    const res = await t.http
      .post('/api/bookings')
      .set(bearer(client.accessToken))
      .send({
        coachId: coach.user._id,
        sessionTypeId: type.id as string,
        start: futureAt(3, '10:00'),
      });
    check(res, (booking: BookingDTO) => [booking.coach]);
    expectCoachDTO((await created).booking.coach);
    const id = (res.body as BookingDTO)._id;
    for (const who of [client, coach, admin]) {
      check(
        await t.http.get(`/api/bookings/${id}`).set(bearer(who.accessToken)),
        (b: BookingDTO) => [b.coach],
      );
    }
    for (const who of [client, coach]) {
      check(await t.http.get('/api/bookings').set(bearer(who.accessToken)), (page: BookingPage) =>
        page.items.map((booking) => booking.coach),
      );
    }
    const updated = nextEvent(coachSocket, 'booking:updated');
    check(
      await t.http.post(`/api/bookings/${id}/confirm`).set(bearer(coach.accessToken)).send({}),
      (booking: BookingDTO) => [booking.coach],
    );
    expectCoachDTO((await updated).booking.coach);
    check(
      await t.http
        .post(`/api/bookings/${id}/reschedule`)
        .set(bearer(client.accessToken))
        .send({ start: futureAt(3, '11:00') }),
      (booking: BookingDTO) => [booking.coach],
    );
  });

  it('the conversation routes: open, list, read one (the coach among the others)', async () => {
    const coachesIn = (conversation: ConversationDTO) =>
      conversation.others.flatMap((other) => (other.kind === 'coach' ? [other.coach] : []));
    const opened = await t.http
      .post('/api/conversations')
      .set(bearer(applicant.accessToken))
      .send({ participantId: coach.user._id });
    check(opened, coachesIn);
    const id = (opened.body as ConversationDTO)._id;
    check(
      await t.http.get('/api/conversations').set(bearer(applicant.accessToken)),
      (page: ConversationPage) => page.items.flatMap(coachesIn),
    );
    check(
      await t.http.get(`/api/conversations/${id}`).set(bearer(applicant.accessToken)),
      coachesIn,
    );
  });

  it('POST /api/coaches/:userId/profile-picture answers with the picture only', async () => {
    const res = await t.http
      .post(`/api/coaches/${coach.user._id}/profile-picture`)
      .set(bearer(coach.accessToken))
      .attach('file', images.jpeg(), 'p.jpg');
    expect(sortedKeys(res.body as object)).toEqual(['coachProfilePicture']);
    expect(sortedKeys((res.body as { coachProfilePicture: object }).coachProfilePicture)).toEqual([
      'publicId',
      'url',
    ]);
  });
});
