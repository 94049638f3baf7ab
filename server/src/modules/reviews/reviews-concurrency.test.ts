import type { CoachProfileDTO } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { ReviewDTO } from '@coachhub/shared/review';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { createPastBooking, recountVisible } from '../../../test/review-fixtures.js';
import { createBookableCoach, type BookableCoach } from '../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { ratingAverage } from '../../domain/review-rules.js';
import { AppError } from '../../core/errors.js';
import { Review } from './review.model.js';
import { createReviewsService, type ReviewsService } from './reviews.service.js';

/*
 * The coach's rating changes in the transaction of each review, hide and restore. Fired at once,
 * they must neither lose nor double an increment: afterwards the stored rating equals a recount
 * of the visible reviews.
 */

let t: TestServer;
let moderation: ReviewsService;
let adminId = '';

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, { RATE_LIMIT_API_PER_MINUTE: '0' });
  moderation = createReviewsService({ events: t.server.events });
  adminId = (await createUser({ role: 'admin' })).id;
});
afterAll(() => t.close());

const starsOf = (index: number) => (index % 5) + 1;

async function clients(count: number): Promise<SignedIn[]> {
  return Promise.all(Array.from({ length: count }, () => createUser().then(sessionFor)));
}

const userOf = (who: SignedIn) => ({ id: who.user._id, email: who.user.email, password: '' });

const postReview = (who: SignedIn, bookingId: string, rating: number) =>
  t.http.post('/api/reviews').set(bearer(who.accessToken)).send({ bookingId, rating });

async function expectRatingIsRecount(coach: BookableCoach) {
  const profile = (await t.http.get(`/api/coaches/${coach.user.id}`).expect(200))
    .body as CoachProfileDTO;
  const recount = await recountVisible(coach.user.id);
  expect(profile.rating).toEqual({ average: ratingAverage(recount), count: recount.count });
  return recount;
}

/** Reviews of the coach by fresh clients, made one after another (the setup, not the race). */
async function seedReviews(coach: BookableCoach, count: number): Promise<ReviewDTO[]> {
  const made: ReviewDTO[] = [];
  for (const [index, client] of (await clients(count)).entries()) {
    const bookingId = await createPastBooking(coach, userOf(client));
    const res = await postReview(client, bookingId, starsOf(index));
    expect(res.status).toBe(201);
    made.push(res.body as ReviewDTO);
  }
  return made;
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe('the coach’s rating under concurrent changes', () => {
  it('counts each of 20 reviews made at the same moment exactly once', async () => {
    const coach = await createBookableCoach();
    const reviewers = await clients(20);
    const bookings = await Promise.all(
      reviewers.map((client) => createPastBooking(coach, userOf(client))),
    );
    const answers = await Promise.all(
      reviewers.map((client, index) => postReview(client, bookings[index] ?? '', starsOf(index))),
    );
    expect(answers.map((res) => res.status)).toEqual(reviewers.map(() => 201));
    const recount = await expectRatingIsRecount(coach);
    expect(recount).toEqual({ sum: 60, count: 20 });
  }, 120_000);

  it('stores one review when the same booking is reviewed ten times at once', async () => {
    const coach = await createBookableCoach();
    const [client] = await clients(1);
    if (!client) throw new Error('no client');
    const bookingId = await createPastBooking(coach, userOf(client));
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => postReview(client, bookingId, starsOf(index))),
    );
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(9).fill(409)]);
    for (const res of answers.filter((answer) => answer.status === 409)) {
      expect((res.body as ApiErrorBody).error.code).toBe('ALREADY_REVIEWED');
    }
    expect(await Review.countDocuments({ booking: bookingId })).toBe(1);
    const stored = answers.find((res) => res.status === 201)?.body as ReviewDTO;
    expect(await expectRatingIsRecount(coach)).toEqual({ sum: stored.rating, count: 1 });
  }, 120_000);

  it('matches a recount while reviews are hidden, restored and created all at once', async () => {
    const coach = await createBookableCoach();
    const existing = await seedReviews(coach, 16);
    // Half start hidden, so the race has restores as well as hides.
    for (const review of existing.slice(8)) {
      await moderation.hide({ reviewId: review._id, actorId: adminId, reason: 'Setup' });
    }
    await expectRatingIsRecount(coach);
    const newcomers = await clients(6);
    const newBookings = await Promise.all(
      newcomers.map((client) => createPastBooking(coach, userOf(client))),
    );
    const input = (review: ReviewDTO) => ({
      reviewId: review._id,
      actorId: adminId,
      reason: 'Race',
    });
    const results = await Promise.all([
      ...existing.slice(0, 8).map((review) => outcome(moderation.hide(input(review)))),
      ...existing.slice(8).map((review) => outcome(moderation.restore(input(review)))),
      ...newcomers.map((client, index) =>
        postReview(client, newBookings[index] ?? '', starsOf(index + 2)).then((res) =>
          res.status === 201 ? 'ok' : `HTTP ${res.status}`,
        ),
      ),
    ]);
    expect(results).toEqual(results.map(() => 'ok'));
    const recount = await expectRatingIsRecount(coach);
    // The first eight are hidden now, the other eight visible again, plus the six new ones.
    const visible = [...existing.slice(8).map((review) => review.rating)];
    const added = newcomers.map((_, index) => starsOf(index + 2));
    expect(recount).toEqual({
      sum: [...visible, ...added].reduce((total, stars) => total + stars, 0),
      count: 14,
    });
  }, 180_000);

  it('lets one of several simultaneous hides of a review through; the rest are 409', async () => {
    const coach = await createBookableCoach();
    const [target] = await seedReviews(coach, 3);
    if (!target) throw new Error('no review');
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        outcome(moderation.hide({ reviewId: target._id, actorId: adminId, reason: 'Twice' })),
      ),
    );
    expect(results.sort()).toEqual([
      'INVALID_TRANSITION',
      'INVALID_TRANSITION',
      'INVALID_TRANSITION',
      'INVALID_TRANSITION',
      'INVALID_TRANSITION',
      'ok',
    ]);
    expect(await expectRatingIsRecount(coach)).toEqual({ sum: 5, count: 2 });
  }, 120_000);
});
