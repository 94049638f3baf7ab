import type { AdminReportDTO, AuditLogEntryDTO } from '@coachhub/shared/admin';
import type { CoachDTO } from '@coachhub/shared/coach';
import type { Page } from '@coachhub/shared/pagination';
import type { ReviewDTO, ReviewModerationPage } from '@coachhub/shared/review';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { as, errorOf, fieldsOf, notificationsOf, report } from '../../../test/report-fixtures.js';
import { createPastBooking } from '../../../test/review-fixtures.js';
import { createBookableCoach, type BookableCoach } from '../../../test/scheduling-fixtures.js';
import { closeAllSockets, connectSocket, nextEvent } from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let t: TestServer;
let admin: SignedIn;
let lena: SignedIn;
let tom: SignedIn;
let carla: BookableCoach;
let marco: BookableCoach;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  [carla, marco] = await Promise.all([
    createBookableCoach(),
    createBookableCoach({ coach: { firstName: 'Marco', lastName: 'Weber' } }),
  ]);
  [admin, lena, tom] = await Promise.all([
    createUser({ role: 'admin' }).then(sessionFor),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
    createUser({ firstName: 'Tom', lastName: 'Client' }).then(sessionFor),
  ]);
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

async function review(who: SignedIn, coach: BookableCoach, rating: number): Promise<ReviewDTO> {
  const bookingId = await createPastBooking(coach, { id: who.user._id, email: '', password: '' });
  const res = await t.http
    .post('/api/reviews')
    .set(as(who))
    .send({ bookingId, rating, comment: `${rating} stars` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ReviewDTO;
}

const ratingOf = async (coach: BookableCoach) =>
  ((await t.http.get(`/api/coaches/${coach.user.id}`)).body as CoachDTO).rating;

const moderate = (id: string, action: 'hide' | 'restore', body: object, who = admin) =>
  t.http.post(`/api/admin/reviews/${id}/${action}`).set(as(who)).send(body);

/** What `who` was told about this review, oldest first. */
async function aboutReview(who: SignedIn, reviewId: string) {
  const items = await notificationsOf(t, who);
  return items.filter((item) => item.params.reviewId === reviewId).reverse();
}

async function auditOf(action: string, targetId: string) {
  const res = await t.http
    .get(`/api/admin/audit-log?action=${action}&targetId=${targetId}`)
    .set(as(admin));
  return (res.body as Page<AuditLogEntryDTO>).items;
}

describe('POST /api/admin/reviews/:id/hide | restore', () => {
  it('hides a review out of the rating and restores it, each audited', async () => {
    const good = await review(lena, carla, 5);
    const bad = await review(tom, carla, 1);
    expect(await ratingOf(carla)).toEqual({ average: 3, count: 2 });

    const hidden = await moderate(bad._id, 'hide', { reason: 'Not about the session' });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ _id: bad._id, hiddenReason: 'Not about the session' });
    expect(await ratingOf(carla)).toEqual({ average: 5, count: 1 });
    const twice = await moderate(bad._id, 'hide', { reason: 'again' });
    expect(twice.status).toBe(409);
    expect(errorOf(twice.body).code).toBe('INVALID_TRANSITION');

    const restored = await moderate(bad._id, 'restore', { reason: 'Appeal accepted' });
    expect(restored.status).toBe(200);
    expect((restored.body as ReviewDTO).hiddenAt).toBeNull();
    expect(await ratingOf(carla)).toEqual({ average: 3, count: 2 });
    expect(await auditOf('review.hide', bad._id)).toEqual([
      expect.objectContaining({ reason: 'Not about the session', targetType: 'review' }),
    ]);
    expect(await auditOf('review.restore', bad._id)).toHaveLength(1);
    expect(good.hiddenAt).toBeNull();
  });

  it('tells the author once that the review was removed, with the reason, live; then that it is back', async () => {
    const target = await review(lena, marco, 1);
    const lenaSocket = await connectSocket(t.baseUrl, lena.accessToken);
    const removedLive = nextEvent(
      lenaSocket,
      'notification:new',
      ({ notification }) => notification.type === 'moderation.review_hidden',
    );
    await moderate(target._id, 'hide', { reason: 'Names another client' }).expect(200);
    const removed = {
      type: 'moderation.review_hidden',
      key: 'notifications.moderation.review_hidden',
      params: { reviewId: target._id, name: 'Marco Weber', reason: 'Names another client' },
      link: null,
    };
    expect((await removedLive).notification).toMatchObject(removed);
    // A refused second hide tells nobody anything.
    await moderate(target._id, 'hide', { reason: 'again' }).expect(409);

    const backLive = nextEvent(
      lenaSocket,
      'notification:new',
      ({ notification }) => notification.type === 'moderation.review_restored',
    );
    await moderate(target._id, 'restore', { reason: 'Appeal accepted' }).expect(200);
    const restored = {
      type: 'moderation.review_restored',
      key: 'notifications.moderation.review_restored',
      params: { reviewId: target._id, name: 'Marco Weber' },
      link: `/coaches/${marco.user.id}#reviews`,
    };
    expect((await backLive).notification).toMatchObject(restored);
    await moderate(target._id, 'restore', { reason: 'again' }).expect(409);

    expect(await aboutReview(lena, target._id)).toEqual([
      expect.objectContaining(removed),
      expect.objectContaining(restored),
    ]);
    // Only the author hears of it; the coach's own notifications say nothing of the moderation.
    const coach = await sessionFor(marco.user);
    expect((await aboutReview(coach, target._id)).map((item) => item.type)).toEqual([
      'review.received',
    ]);
  });

  it('validates: a reason is required, ids must be ids, unknown reviews are 404', async () => {
    const some = await review(lena, marco, 4);
    expect(fieldsOf((await moderate(some._id, 'hide', {})).body)).toEqual(['reason']);
    expect((await moderate('nope', 'hide', { reason: 'x' })).status).toBe(400);
    expect((await moderate('0123456789abcdef01234567', 'hide', { reason: 'x' })).status).toBe(404);
    const extra = await moderate(some._id, 'hide', { reason: 'x', rating: 5 });
    expect(fieldsOf(extra.body)).toEqual(['rating']);
  });

  it('is for admins only', async () => {
    const some = await review(tom, marco, 3);
    expect((await t.http.post(`/api/admin/reviews/${some._id}/hide`)).status).toBe(401);
    const coach = await sessionFor(marco.user);
    for (const who of [tom, coach]) {
      expect((await moderate(some._id, 'hide', { reason: 'x' }, who)).status).toBe(403);
    }
  });
});

describe('GET /api/admin/reviews', () => {
  it('lists reviews for moderation, hidden ones included, filtered and paged', async () => {
    const list = async (query: string) => {
      const res = await t.http.get(`/api/admin/reviews?${query}`).set(as(admin));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as ReviewModerationPage;
    };
    const target = await review(lena, marco, 2);
    await moderate(target._id, 'hide', { reason: 'Spam' }).expect(200);
    const hidden = await list('hidden=true');
    expect(hidden.items.map((item) => item._id)).toContain(target._id);
    expect(hidden.items.every((item) => item.hiddenAt !== null)).toBe(true);
    const visible = await list(`hidden=false&coachId=${marco.user.id}`);
    expect(visible.items.length).toBeGreaterThan(0);
    expect(
      visible.items.every((item) => item.hiddenAt === null && item.coachId === marco.user.id),
    ).toBe(true);
    expect(visible.items.map((item) => item._id)).not.toContain(target._id);
    const paged = await list('limit=1&page=2');
    expect(paged).toMatchObject({ limit: 1, page: 2 });
    for (const query of ['hidden=maybe', 'coachId=x', 'limit=500', 'sort=rating']) {
      const res = await t.http.get(`/api/admin/reviews?${query}`).set(as(admin));
      expect(res.status, query).toBe(400);
    }
  });
});

describe('reports about reviews', () => {
  it('names the author, shows the review in the queue, and hide takes it down', async () => {
    const rude = await review(tom, carla, 1);
    const coach = await sessionFor(carla.user);
    const filed = await report(t, coach, {
      targetType: 'review',
      targetId: rude._id,
      reason: 'harassment',
    });
    expect(filed.reportedUserId).toBe(tom.user._id);
    const own = await t.http
      .post('/api/reports')
      .set(as(tom))
      .send({ targetType: 'review', targetId: rude._id, reason: 'spam' });
    expect(own.status).toBe(400);

    const queued = await t.http.get(`/api/admin/reports/${filed._id}`).set(as(admin));
    expect((queued.body as AdminReportDTO).target).toMatchObject({
      targetType: 'review',
      review: { _id: rude._id, rating: 1, hiddenAt: null },
    });
    const before = await ratingOf(carla);
    const res = await t.http
      .post(`/api/admin/reports/${filed._id}/resolve`)
      .set(as(admin))
      .send({ action: 'hide', note: 'Abusive review' });
    expect(res.status).toBe(200);
    const resolved = res.body as AdminReportDTO;
    expect(resolved.status).toBe('resolved');
    expect(resolved.target).toMatchObject({ review: { hiddenReason: 'Abusive review' } });
    expect((await ratingOf(carla)).count).toBe(before.count - 1);
    expect(await auditOf('review.hide', rude._id)).toHaveLength(1);
    expect(await auditOf('report.resolve', filed._id)).toHaveLength(1);
    // The author hears of the removal once (with the admin's note), the reporter of the outcome.
    expect(await aboutReview(tom, rude._id)).toEqual([
      expect.objectContaining({
        type: 'moderation.review_hidden',
        params: { reviewId: rude._id, name: expect.any(String), reason: 'Abusive review' },
      }),
    ]);
    expect((await notificationsOf(t, tom)).map((item) => item.type)).not.toContain(
      'report.resolved',
    );
    expect((await notificationsOf(t, coach))[0]).toMatchObject({
      type: 'report.resolved',
      params: { targetType: 'review' },
    });
    // A hidden review is out of sight: nobody reports it again.
    const later = await t.http
      .post('/api/reports')
      .set(as(lena))
      .send({ targetType: 'review', targetId: rude._id, reason: 'spam' });
    expect(later.status).toBe(404);
  });
});
