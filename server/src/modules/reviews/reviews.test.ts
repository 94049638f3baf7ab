import type { CoachProfileDTO } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { NotificationPage } from '@coachhub/shared/notification';
import type { CoachReviewsPage, MyReviewsPage, ReviewDTO } from '@coachhub/shared/review';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPendingCoach } from '../../../test/coach-fixtures.js';
import { recordEvents } from '../../../test/domain-events.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { createPastBooking, recountVisible } from '../../../test/review-fixtures.js';
import { createBookableCoach, type BookableCoach } from '../../../test/scheduling-fixtures.js';
import { closeAllSockets, connectSocket, nextEvent } from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { AppError } from '../../core/errors.js';
import { AuditLog } from '../audit/audit-log.model.js';
import { Review } from './review.model.js';
import { createReviewsService, type ReviewsService } from './reviews.service.js';

let t: TestServer;
let carla: BookableCoach;
let marco: BookableCoach;
let carlaS: SignedIn;
let marcoS: SignedIn;
let lena: SignedIn;
let tom: SignedIn;
let admin: SignedIn;
let suspended: SignedIn;
let moderation: ReviewsService;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, { RATE_LIMIT_API_PER_MINUTE: '0' });
  carla = await createBookableCoach({ coach: { firstName: 'Carla', lastName: 'Jensen' } });
  marco = await createBookableCoach({ coach: { firstName: 'Marco', lastName: 'Weber' } });
  [carlaS, marcoS, lena, tom, admin, suspended] = await Promise.all([
    sessionFor(carla.user),
    sessionFor(marco.user),
    createUser({ firstName: 'Lena', lastName: 'fischer' }).then(sessionFor),
    createUser({ firstName: 'Tom', lastName: 'Becker' }).then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
    createUser({ status: 'suspended' }).then(sessionFor),
  ]);
  moderation = createReviewsService({ events: t.server.events });
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

const as = (who: SignedIn) => bearer(who.accessToken);
const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const fieldsOf = (body: unknown) =>
  ((body as ApiErrorBody).error.details as { field: string }[]).map((issue) => issue.field);
const userOf = (who: SignedIn) => ({ id: who.user._id, email: who.user.email, password: '' });

const review = (who: SignedIn | null, body: object) => {
  const req = t.http.post('/api/reviews');
  return who ? req.set(as(who)).send(body) : req.send(body);
};
const reply = (who: SignedIn | null, id: string, body: object) => {
  const req = t.http.post(`/api/reviews/${id}/response`);
  return who ? req.set(as(who)).send(body) : req.send(body);
};
const reviewsOf = async (coachId: string, query = '') => {
  const res = await t.http.get(`/api/coaches/${coachId}/reviews${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as CoachReviewsPage;
};
const ratingOf = async (coachId: string) =>
  ((await t.http.get(`/api/coaches/${coachId}`).expect(200)).body as CoachProfileDTO).rating;

/** A completed session of `client` with `coach`, reviewed through the API. */
async function reviewed(coach: BookableCoach, client: SignedIn, body: object = {}) {
  const bookingId = await createPastBooking(coach, userOf(client));
  const res = await review(client, { bookingId, rating: 5, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ReviewDTO;
}

describe('POST /api/reviews', () => {
  it('lets the client review a completed session once, and the coach’s rating follows', async () => {
    const coach = await createBookableCoach();
    const before = await ratingOf(coach.user.id);
    expect(before).toEqual({ average: 0, count: 0 });
    const bookingId = await createPastBooking(coach, userOf(lena));
    const res = await review(lena, {
      bookingId,
      rating: 4,
      comment: '  Clear, kind and practical.  ',
      ratings: { communication: 5, value: 3 },
    });
    expect(res.status).toBe(201);
    const created = res.body as ReviewDTO;
    expect(created).toMatchObject({
      bookingId,
      coachId: coach.user.id,
      reviewer: { _id: lena.user._id, displayName: 'Lena F.', profilePicture: null },
      rating: 4,
      ratings: { communication: 5, value: 3 },
      comment: 'Clear, kind and practical.',
      response: null,
      hiddenAt: null,
      hiddenReason: null,
    });
    expect(await ratingOf(coach.user.id)).toEqual({ average: 4, count: 1 });

    const again = await review(lena, { bookingId, rating: 1 });
    expect(again.status).toBe(409);
    expect(codeOf(again.body)).toBe('ALREADY_REVIEWED');
    expect(await ratingOf(coach.user.id)).toEqual({ average: 4, count: 1 });

    await reviewed(coach, tom, { rating: 5 });
    expect(await ratingOf(coach.user.id)).toEqual({ average: 4.5, count: 2 });
  });

  it('takes a review without a comment or detail ratings', async () => {
    const bookingId = await createPastBooking(carla, userOf(tom));
    const res = await review(tom, { bookingId, rating: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rating: 3, ratings: {}, comment: '' });
    const empty = await review(tom, {
      bookingId: await createPastBooking(carla, userOf(tom)),
      rating: 2,
      comment: '   ',
      ratings: {},
    });
    expect(empty.body).toMatchObject({ comment: '', ratings: {} });
  });

  it.each(['pending', 'confirmed', 'cancelled', 'declined', 'no_show'] as const)(
    'refuses a %s booking with BOOKING_NOT_COMPLETED',
    async (status) => {
      const bookingId = await createPastBooking(carla, userOf(lena), status);
      const res = await review(lena, { bookingId, rating: 5 });
      expect(res.status).toBe(409);
      expect(codeOf(res.body)).toBe('BOOKING_NOT_COMPLETED');
    },
  );

  it('answers 404 to anyone but the booking’s client, whatever its state', async () => {
    const done = await createPastBooking(carla, userOf(lena));
    const ahead = await createPastBooking(carla, userOf(lena), 'confirmed');
    for (const who of [tom, carlaS, marcoS, admin]) {
      for (const bookingId of [done, ahead]) {
        const res = await review(who, { bookingId, rating: 5 });
        expect(res.status, `${who.user.email} ${bookingId}`).toBe(404);
        expect(codeOf(res.body)).toBe('NOT_FOUND');
      }
    }
    const unknown = await review(lena, { bookingId: '0123456789abcdef01234567', rating: 5 });
    expect(unknown.status).toBe(404);
    expect(await Review.countDocuments({ booking: { $in: [done, ahead] } })).toBe(0);
  });

  it('needs an active, signed-in account', async () => {
    const bookingId = await createPastBooking(carla, userOf(lena));
    expect((await review(null, { bookingId, rating: 5 })).status).toBe(401);
    const res = await review(suspended, { bookingId, rating: 5 });
    expect(res.status).toBe(403);
    expect(codeOf(res.body)).toBe('ACCOUNT_SUSPENDED');
  });

  it.each<[string, object, string]>([
    ['rating 0', { rating: 0 }, 'rating'],
    ['rating 6', { rating: 6 }, 'rating'],
    ['rating 2.5', { rating: 2.5 }, 'rating'],
    ['rating "x"', { rating: 'x' }, 'rating'],
    ['rating "5" (a string)', { rating: '5' }, 'rating'],
    ['rating null', { rating: null }, 'rating'],
    ['rating [5]', { rating: [5] }, 'rating'],
    ['no rating', { rating: undefined }, 'rating'],
    ['a comment of 2,001 characters', { comment: 'x'.repeat(2001) }, 'comment'],
    ['a comment that is not text', { comment: { $ne: '' } }, 'comment'],
    ['a comment of null', { comment: null }, 'comment'],
    ['detail rating 0', { ratings: { communication: 0 } }, 'ratings.communication'],
    ['detail rating 4.5', { ratings: { punctuality: 4.5 } }, 'ratings.punctuality'],
    ['detail rating "5"', { ratings: { value: '5' } }, 'ratings.value'],
    ['an unknown aspect', { ratings: { kindness: 5 } }, 'ratings.kindness'],
    ['ratings as a list', { ratings: [5, 4] }, 'ratings'],
    ['ratings as text', { ratings: 'great' }, 'ratings'],
    ['an unknown key', { coachId: '0123456789abcdef01234567' }, 'coachId'],
    ['a client id', { clientId: '0123456789abcdef01234567' }, 'clientId'],
    ['a bad booking id', { bookingId: 'not-an-id' }, 'bookingId'],
    ['a booking id as a list', { bookingId: ['0123456789abcdef01234567'] }, 'bookingId'],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_case, change, field) => {
    const bookingId = await createPastBooking(carla, userOf(lena));
    const res = await review(lena, { bookingId, rating: 5, comment: 'Fine', ...change });
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toContain(field);
    expect(await Review.countDocuments({ booking: bookingId })).toBe(0);
  });

  it('keeps a comment of exactly 2,000 characters after trimming', async () => {
    const bookingId = await createPastBooking(carla, userOf(lena));
    const res = await review(lena, { bookingId, rating: 5, comment: ` ${'y'.repeat(2000)} ` });
    expect(res.status).toBe(201);
    expect((res.body as ReviewDTO).comment).toHaveLength(2000);
  });

  it('tells the coach, and publishes review.created', async () => {
    const events = recordEvents(t, ['review.created']);
    const created = await reviewed(marco, lena, { rating: 4 });
    expect(await events.published()).toEqual([
      {
        name: 'review.created',
        payload: {
          reviewId: created._id,
          bookingId: created.bookingId,
          coachId: marco.user.id,
          clientId: lena.user._id,
          rating: 4,
        },
      },
    ]);
    const inbox = (await t.http.get('/api/notifications').set(as(marcoS)).expect(200))
      .body as NotificationPage;
    expect(inbox.items[0]).toMatchObject({
      type: 'review.received',
      key: 'notifications.review.received',
      params: { reviewId: created._id, name: 'Lena fischer', rating: 4 },
      link: `/coaches/${marco.user.id}#reviews`,
    });
  });
});

describe('POST /api/reviews/:id/response', () => {
  it('lets the coach reply once and edit the reply within 24 hours', async () => {
    const created = await reviewed(carla, lena);
    const first = await reply(carlaS, created._id, { body: '  Thank you, Lena!  ' });
    expect(first.status).toBe(201);
    const answered = first.body as ReviewDTO;
    expect(answered.response).toMatchObject({ body: 'Thank you, Lena!', editedAt: null });
    const posted = Date.parse(answered.response?.createdAt ?? '');
    expect(Date.parse(answered.response?.editableUntil ?? '')).toBe(posted + 24 * 3_600_000);

    const edit = await reply(carlaS, created._id, { body: 'Thank you, Lena! See you soon.' });
    expect(edit.status).toBe(200);
    expect((edit.body as ReviewDTO).response).toMatchObject({
      body: 'Thank you, Lena! See you soon.',
      createdAt: answered.response?.createdAt,
      editedAt: expect.any(String),
    });
    const listed = await reviewsOf(carla.user.id);
    expect(listed.items.find((item) => item._id === created._id)?.response?.body).toBe(
      'Thank you, Lena! See you soon.',
    );
  });

  it('tells the client of the first reply, live and in the list, and not of an edit', async () => {
    const created = await reviewed(marco, tom);
    const events = recordEvents(t, ['review.responded']);
    const tomSocket = await connectSocket(t.baseUrl, tom.accessToken);
    const live = nextEvent(
      tomSocket,
      'notification:new',
      ({ notification }) => notification.params.reviewId === created._id,
    );
    const first = await reply(marcoS, created._id, { body: 'Thank you, Tom!' });
    expect(first.status).toBe(201);
    const expected = {
      type: 'review.responded',
      key: 'notifications.review.responded',
      params: { reviewId: created._id, name: 'Marco Weber' },
      link: `/coaches/${marco.user.id}#reviews`,
      readAt: null,
    };
    expect((await live).notification).toMatchObject(expected);

    await reply(marcoS, created._id, { body: 'Thank you, Tom! See you soon.' }).expect(200);
    expect(await events.published()).toEqual([
      {
        name: 'review.responded',
        payload: {
          reviewId: created._id,
          coachId: marco.user.id,
          clientId: tom.user._id,
          at: new Date((first.body as ReviewDTO).response?.createdAt ?? ''),
        },
      },
    ]);
    const inbox = (await t.http.get('/api/notifications?limit=50').set(as(tom)).expect(200))
      .body as NotificationPage;
    expect(inbox.items.filter((item) => item.params.reviewId === created._id)).toEqual([
      expect.objectContaining(expected),
    ]);
    // The coach replying hears nothing about their own reply.
    const coachInbox = (await t.http.get('/api/notifications?limit=50').set(as(marcoS)).expect(200))
      .body as NotificationPage;
    expect(coachInbox.items.filter((item) => item.type === 'review.responded')).toEqual([]);
  });

  it('refuses an edit after 24 hours with RESPONSE_EDIT_CLOSED', async () => {
    const created = await reviewed(carla, tom);
    await reply(carlaS, created._id, { body: 'Thanks!' }).expect(201);
    await Review.updateOne(
      { _id: created._id },
      { $set: { 'response.createdAt': new Date(Date.now() - 24 * 3_600_000 - 1000) } },
    );
    const late = await reply(carlaS, created._id, { body: 'Changed my mind' });
    expect(late.status).toBe(409);
    expect(codeOf(late.body)).toBe('RESPONSE_EDIT_CLOSED');
    expect((await Review.findById(created._id).lean())?.response?.body).toBe('Thanks!');
  });

  it('is for the reviewed coach only: everyone else gets 404', async () => {
    const created = await reviewed(carla, lena);
    for (const who of [marcoS, lena, tom, admin]) {
      const res = await reply(who, created._id, { body: 'Not mine to answer' });
      expect(res.status, who.user.email).toBe(404);
    }
    expect((await reply(null, created._id, { body: 'Hi' })).status).toBe(401);
    expect((await reply(suspended, created._id, { body: 'Hi' })).status).toBe(403);
    expect((await Review.findById(created._id).lean())?.response).toBeNull();
  });

  it.each<[string, string, object, number, string | null]>([
    ['an empty body', 'own', { body: '   ' }, 400, 'body'],
    ['a body of 2,001 characters', 'own', { body: 'x'.repeat(2001) }, 400, 'body'],
    ['a body that is not text', 'own', { body: 42 }, 400, 'body'],
    ['no body', 'own', {}, 400, 'body'],
    ['an unknown key', 'own', { body: 'Hi', editedAt: '2026-01-01T00:00:00Z' }, 400, 'editedAt'],
    ['a bad review id', 'not-an-id', { body: 'Hi' }, 400, 'id'],
    ['an unknown review', '0123456789abcdef01234567', { body: 'Hi' }, 404, null],
  ])('answers %s with %s', async (_case, target, body, status, field) => {
    const created = await reviewed(carla, lena);
    const res = await reply(carlaS, target === 'own' ? created._id : target, body);
    expect(res.status).toBe(status);
    if (field) expect(fieldsOf(res.body)).toContain(field);
  });
});

describe('GET /api/coaches/:userId/reviews', () => {
  it('lists a coach’s visible reviews newest first, with the distribution, to anyone', async () => {
    const coach = await createBookableCoach({ coach: { firstName: 'Dana', lastName: 'Diaz' } });
    const clients = [lena, tom, lena, tom, lena];
    const made: ReviewDTO[] = [];
    for (const [index, stars] of [5, 4, 5, 2, 5].entries()) {
      made.push(await reviewed(coach, clients[index] as SignedIn, { rating: stars }));
    }
    await reply(await sessionFor(coach.user), made[0]?._id ?? '', { body: 'Thank you!' }).expect(
      201,
    );
    await moderation.hide({
      reviewId: made[3]?._id ?? '',
      actorId: admin.user._id,
      reason: 'Abuse',
    });

    const page = await reviewsOf(coach.user.id, '?limit=3');
    expect(page).toMatchObject({
      page: 1,
      limit: 3,
      total: 4,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 3 },
      average: 4.75,
      count: 4,
    });
    expect(page.items.map((item) => item._id)).toEqual(
      [made[4], made[2], made[1]].map((item) => item?._id),
    );
    expect(page.items[0]?.reviewer.displayName).toBe('Lena F.');
    const second = await reviewsOf(coach.user.id, '?limit=3&page=2');
    expect(second.items.map((item) => item._id)).toEqual([made[0]?._id]);
    expect(second.items[0]?.response?.body).toBe('Thank you!');
    // The same figures as the profile.
    expect(await ratingOf(coach.user.id)).toEqual({ average: 4.75, count: 4 });
  });

  it('answers the same to signed-in callers, and an empty page for a coach without reviews', async () => {
    const coach = await createBookableCoach();
    for (const who of [lena, carlaS, admin]) {
      const res = await t.http.get(`/api/coaches/${coach.user.id}/reviews`).set(as(who));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [],
        page: 1,
        limit: 20,
        total: 0,
        distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
        average: 0,
        count: 0,
      });
    }
    const refused = await t.http.get(`/api/coaches/${coach.user.id}/reviews`).set(as(suspended));
    expect(refused.status).toBe(403);
  });

  it('is 404 for a coach hidden from the caller and for someone who is not a coach', async () => {
    const pending = await createPendingCoach();
    expect((await t.http.get(`/api/coaches/${pending.id}/reviews`)).status).toBe(404);
    const own = await t.http
      .get(`/api/coaches/${pending.id}/reviews`)
      .set(as(await sessionFor(pending)));
    expect(own.status).toBe(200);
    expect((await t.http.get(`/api/coaches/${lena.user._id}/reviews`)).status).toBe(404);
  });

  it.each([
    ['/api/coaches/not-an-id/reviews', 'userId'],
    [`/api/coaches/{coach}/reviews?page=0`, 'page'],
    [`/api/coaches/{coach}/reviews?limit=101`, 'limit'],
    [`/api/coaches/{coach}/reviews?page=1&page=2`, 'page'],
    [`/api/coaches/{coach}/reviews?hidden=true`, 'hidden'],
  ])('refuses %s with 400', async (path, field) => {
    const res = await t.http.get(path.replace('{coach}', carla.user.id));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });
});

describe('GET /api/reviews/mine', () => {
  it('lists the caller’s own reviews, hidden ones too, and finds one by booking', async () => {
    const client = await createUser({ firstName: 'Mia', lastName: 'Meyer' }).then(sessionFor);
    const first = await reviewed(carla, client, { rating: 3 });
    const second = await reviewed(marco, client, { rating: 5 });
    await moderation.hide({ reviewId: first._id, actorId: admin.user._id, reason: 'Spam' });
    const mine = (await t.http.get('/api/reviews/mine').set(as(client)).expect(200))
      .body as MyReviewsPage;
    expect(mine.total).toBe(2);
    expect(mine.items.map((item) => item._id)).toEqual([second._id, first._id]);
    expect(mine.items[1]).toMatchObject({ hiddenReason: 'Spam', hiddenAt: expect.any(String) });

    const one = await t.http
      .get(`/api/reviews/mine?bookingId=${second.bookingId}`)
      .set(as(client))
      .expect(200);
    expect((one.body as MyReviewsPage).items.map((item) => item._id)).toEqual([second._id]);
    // Someone else's booking: nothing, not theirs.
    const other = await t.http
      .get(`/api/reviews/mine?bookingId=${second.bookingId}`)
      .set(as(tom))
      .expect(200);
    expect((other.body as MyReviewsPage).items).toEqual([]);
    const unreviewed = await createPastBooking(carla, userOf(client));
    const none = await t.http
      .get(`/api/reviews/mine?bookingId=${unreviewed}`)
      .set(as(client))
      .expect(200);
    expect((none.body as MyReviewsPage).total).toBe(0);
  });

  it('needs a signed-in caller and a valid query', async () => {
    expect((await t.http.get('/api/reviews/mine')).status).toBe(401);
    expect((await t.http.get('/api/reviews/mine').set(as(suspended))).status).toBe(403);
    for (const query of ['?bookingId=x', '?bookingId=a&bookingId=b', '?page=0', '?coachId=1']) {
      const res = await t.http.get(`/api/reviews/mine${query}`).set(as(lena));
      expect(res.status, query).toBe(400);
    }
  });
});

describe('moderation (the service the admin routes call)', () => {
  it('hides and restores in one step each: rating, audit entry and event together', async () => {
    const coach = await createBookableCoach();
    const kept = await reviewed(coach, lena, { rating: 5 });
    const target = await reviewed(coach, tom, { rating: 1 });
    expect(await ratingOf(coach.user.id)).toEqual({ average: 3, count: 2 });
    const events = recordEvents(t, ['review.hidden', 'review.restored']);

    const hidden = await moderation.hide({
      reviewId: target._id,
      actorId: admin.user._id,
      reason: 'Insults the coach',
    });
    expect(hidden).toMatchObject({
      _id: target._id,
      hiddenAt: expect.any(String),
      hiddenReason: 'Insults the coach',
    });
    expect(await ratingOf(coach.user.id)).toEqual({ average: 5, count: 1 });
    expect((await reviewsOf(coach.user.id)).items.map((item) => item._id)).toEqual([kept._id]);
    expect(await moderation.getReview(target._id)).toMatchObject({
      hiddenReason: 'Insults the coach',
    });

    const restored = await moderation.restore({
      reviewId: target._id,
      actorId: admin.user._id,
      reason: 'Reviewed again: fair criticism',
    });
    expect(restored).toMatchObject({ hiddenAt: null, hiddenReason: null });
    expect(await ratingOf(coach.user.id)).toEqual({ average: 3, count: 2 });

    const audit = await AuditLog.find({ targetType: 'review', targetId: target._id })
      .sort({ at: 1 })
      .lean();
    expect(audit.map((entry) => [entry.action, entry.reason, entry.actor.toString()])).toEqual([
      ['review.hide', 'Insults the coach', admin.user._id],
      ['review.restore', 'Reviewed again: fair criticism', admin.user._id],
    ]);
    expect((await events.published()).map((event) => [event.name, event.payload])).toEqual([
      [
        'review.hidden',
        {
          reviewId: target._id,
          coachId: coach.user.id,
          clientId: tom.user._id,
          by: admin.user._id,
          reason: 'Insults the coach',
        },
      ],
      [
        'review.restored',
        {
          reviewId: target._id,
          coachId: coach.user.id,
          clientId: tom.user._id,
          by: admin.user._id,
          reason: 'Reviewed again: fair criticism',
        },
      ],
    ]);
  });

  it('refuses hiding a hidden review and restoring a visible one (409), and unknown ids (404)', async () => {
    const coach = await createBookableCoach();
    const target = await reviewed(coach, lena, { rating: 4 });
    const input = { reviewId: target._id, actorId: admin.user._id, reason: 'Check' };
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => (error instanceof AppError ? [error.status, error.code] : error),
      );
    expect(await refusal(moderation.restore(input))).toEqual([409, 'INVALID_TRANSITION']);
    await moderation.hide(input);
    expect(await refusal(moderation.hide(input))).toEqual([409, 'INVALID_TRANSITION']);
    expect(await ratingOf(coach.user.id)).toEqual({ average: 0, count: 0 });
    expect(await AuditLog.countDocuments({ targetId: target._id })).toBe(1);
    for (const reviewId of ['0123456789abcdef01234567', 'not-an-id']) {
      expect(await refusal(moderation.hide({ ...input, reviewId }))).toEqual([404, 'NOT_FOUND']);
      expect(await refusal(moderation.getReview(reviewId))).toEqual([404, 'NOT_FOUND']);
    }
  });

  it('lists reviews for moderation by hidden state and coach, newest first', async () => {
    const coach = await createBookableCoach();
    const a = await reviewed(coach, lena, { rating: 2 });
    const b = await reviewed(coach, tom, { rating: 5 });
    await moderation.hide({ reviewId: a._id, actorId: admin.user._id, reason: 'Spam' });
    const ids = async (hidden?: boolean) =>
      (
        await moderation.listForModeration({ coachId: coach.user.id, hidden, page: 1, limit: 10 })
      ).items.map((item) => item._id);
    expect(await ids()).toEqual([b._id, a._id]);
    expect(await ids(true)).toEqual([a._id]);
    expect(await ids(false)).toEqual([b._id]);
    const everyone = await moderation.listForModeration({ page: 1, limit: 1 });
    expect(everyone.limit).toBe(1);
    expect(everyone.total).toBe(await Review.countDocuments());
  });

  it('keeps every coach’s rating equal to a recount of the visible reviews', async () => {
    for (const coach of [carla, marco]) {
      const rating = await ratingOf(coach.user.id);
      const recount = await recountVisible(coach.user.id);
      expect(rating.count).toBe(recount.count);
      expect(rating.average).toBe(
        recount.count ? Math.round((recount.sum / recount.count) * 100) / 100 : 0,
      );
    }
  });
});
