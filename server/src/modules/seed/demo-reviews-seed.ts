import type { BookingStatus } from '@coachhub/shared/scheduling';
import mongoose, { Types, type ClientSession } from 'mongoose';
import { quotePrice } from '../../domain/pricing.js';
import {
  type ImportedReview,
  coachHasReviews,
  importReviews,
  recountCoachRating,
} from '../reviews/review-import.js';
import { loadAvailability } from '../scheduling/availability/availability-store.js';
import {
  completedBookingsBetween,
  importBookings,
  type BookingFields,
  type StoredHistoryEntry,
} from '../scheduling/bookings/booking-import.js';
import { newMeetingUrl } from '../scheduling/bookings/meeting-url.js';
import { loadPricingRules } from '../scheduling/pricing/pricing-store.js';
import { lockSchedules, prepareScheduleLocks } from '../scheduling/schedule-lock/schedule-lock.js';
import { sessionTypesOf } from '../scheduling/session-types/session-type-import.js';
import { findUsersByEmails } from '../users/user-accounts.js';
import type { UserRecord } from '../users/user.types.js';
import { DEMO_COACHES, type DemoCoach } from './demo-coaches.js';
import {
  demoComment,
  demoDetailRatings,
  demoReply,
  demoStars,
  planSessions,
  reviewedAt,
  type PlannedSession,
} from './demo-review-plan.js';
import { DEMO_REVIEWERS } from './demo-reviewers.js';
import { MARCO_EMAIL } from './demo-scheduling.js';

const TOM_EMAIL = 'tom.client@demo.coachhub.test';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Every priced demo coach offers it (demo-scheduling.ts); the reviewed sessions are of it. */
const REVIEWED_SLUG = 'coaching-session';
const REVIEWED_MINUTES = 60;

interface Person {
  id: Types.ObjectId;
  firstName: string;
  lastName: string;
}

/** A demo client's own completed session that is reviewed too (Tom's with Marco). */
const CLIENT_REVIEWS: Record<string, { clientEmail: string; comment: string; reply: string }> = {
  [MARCO_EMAIL]: {
    clientEmail: TOM_EMAIL,
    comment: 'A training plan that finally fits my week. Marco keeps it realistic.',
    reply: 'Thanks, Tom! Keep up the Tuesday runs.',
  },
};

/**
 * Completed past sessions with reviews, so each demo coach's rating ("4.8 (52)") is backed by
 * that many visible reviews: written by the demo reviewer accounts (and one by Tom, of his
 * session with Marco), with varied stars whose average shows as the listed one, some comments
 * and coach replies. The rating is then recounted from the reviews. One transaction per coach,
 * holding the coach's schedule lock, which does nothing once the coach has reviews: safe to run
 * again and from several processes. Returns how many reviews it wrote.
 */
export async function seedDemoReviews(meetingBaseUrl: string, now = new Date()): Promise<number> {
  const people = await findUsersByEmails<
    Pick<UserRecord, '_id' | 'email' | 'firstName' | 'lastName'>
  >(
    [...DEMO_COACHES.map((c) => c.email), ...DEMO_REVIEWERS.map((r) => r.email), TOM_EMAIL],
    'email firstName lastName',
  );
  const byEmail = new Map(people.map((user) => [user.email, user]));
  const reviewers = DEMO_REVIEWERS.flatMap((reviewer) => {
    const user = byEmail.get(reviewer.email);
    return user ? [{ id: user._id, firstName: user.firstName, lastName: user.lastName }] : [];
  });
  if (reviewers.length === 0) return 0;
  // Planned for all coaches up front (reviewers' sessions never overlap), written per coach.
  const busy = new Map<number, { start: number; end: number }[]>();
  let written = 0;
  for (const [index, demo] of DEMO_COACHES.entries()) {
    const coach = byEmail.get(demo.email);
    const stars = demoStars(demo.rating.average, demo.rating.count);
    if (!coach || stars.length === 0) continue;
    const own = CLIENT_REVIEWS[demo.email];
    const client = own ? byEmail.get(own.clientEmail) : undefined;
    const sessions = planSessions({
      count: stars.length,
      timeZone: demo.timeZone,
      durationMinutes: REVIEWED_MINUTES,
      reviewers: reviewers.length,
      firstReviewer: (index * 5) % reviewers.length,
      busy,
      now,
    });
    written += await seedCoachReviews({
      coachId: coach._id.toString(),
      demo,
      stars,
      sessions,
      reviewers,
      client: client
        ? { id: client._id, firstName: client.firstName, lastName: client.lastName }
        : null,
      meetingBaseUrl,
      now,
    });
  }
  return written;
}

async function seedCoachReviews(input: {
  coachId: string;
  demo: DemoCoach;
  stars: number[];
  sessions: PlannedSession[];
  reviewers: Person[];
  client: Person | null;
  meetingBaseUrl: string;
  now: Date;
}): Promise<number> {
  const { coachId } = input;
  await prepareScheduleLocks([coachId]);
  return mongoose.connection.transaction(async (session) => {
    await lockSchedules([coachId], session);
    if (await coachHasReviews(coachId, session)) return 0;
    const type = (await sessionTypesOf(coachId, session)).find((t) => t.slug === REVIEWED_SLUG);
    if (!type) return 0;
    const own = await ownSessionToReview(input, session);
    const bookings: (Partial<BookingFields> & { _id: Types.ObjectId })[] = [];
    const reviews: ImportedReview[] = [];
    const settings = (await loadAvailability(coachId, { session })).settings;
    const rules = await loadPricingRules(coachId, session);
    const sessionsWith = new Map<number, number>();
    input.sessions.forEach((planned, index) => {
      const stars = input.stars[index] ?? 5;
      if (index === 0 && own) {
        reviews.push(
          reviewDoc(own.booking, coachId, own.person, stars, index, input.now, own.texts),
        );
        return;
      }
      const reviewer = input.reviewers[planned.reviewer];
      if (!reviewer) return;
      const before = sessionsWith.get(planned.reviewer) ?? 0;
      sessionsWith.set(planned.reviewer, before + 1);
      const createdAt = new Date(planned.start.getTime() - 7 * DAY_MS);
      const quote = quotePrice({
        config: rules,
        sessionType: {
          _id: type._id.toString(),
          durationMinutes: type.durationMinutes,
          title: type.title,
        },
        start: planned.start,
        now: createdAt,
        clientHistory: { completedSessions: before, hasSessions: before > 0 },
      });
      const booking = new Types.ObjectId();
      bookings.push({
        _id: booking,
        coach: new Types.ObjectId(coachId),
        client: reviewer.id,
        sessionType: type._id,
        sessionTypeSnapshot: {
          title: type.title,
          durationMinutes: type.durationMinutes,
          mode: type.mode,
        },
        start: planned.start,
        end: planned.end,
        status: 'completed',
        quote,
        cancellationPolicy: { ...settings.cancellationPolicy },
        feeClockStart: planned.start,
        notes: null,
        meetingUrl: newMeetingUrl(input.meetingBaseUrl),
        cancellation: null,
        history: completedHistory(createdAt, planned.end, settings.requiresApproval),
        icsSequence: 1,
        revision: settings.requiresApproval ? 2 : 1,
        createdAt,
        updatedAt: planned.end,
      });
      reviews.push(
        reviewDoc({ _id: booking, end: planned.end }, coachId, reviewer, stars, index, input.now),
      );
    });
    await importBookings(bookings, session);
    await importReviews(reviews, session);
    await recountCoachRating(coachId, session);
    return reviews.length;
  });
}

/** The demo client's completed session with this coach that gets a review, if there is one. */
async function ownSessionToReview(
  input: { coachId: string; demo: DemoCoach; client: Person | null },
  session: ClientSession,
) {
  const texts = CLIENT_REVIEWS[input.demo.email];
  if (!texts || !input.client) return null;
  const [booking] = await completedBookingsBetween(
    input.coachId,
    [input.client.id.toString()],
    session,
  );
  return booking ? { booking, person: input.client, texts } : null;
}

function completedHistory(
  createdAt: Date,
  end: Date,
  requiresApproval: boolean,
): StoredHistoryEntry[] {
  const step = (
    action: StoredHistoryEntry['action'],
    from: BookingStatus | null,
    to: BookingStatus,
    by: StoredHistoryEntry['by'],
    at: Date,
  ): StoredHistoryEntry => ({ action, from, to, by, at });
  return [
    ...(requiresApproval
      ? [
          step('create', null, 'pending', 'client', createdAt),
          step(
            'confirm',
            'pending',
            'confirmed',
            'coach',
            new Date(createdAt.getTime() + 2 * HOUR_MS),
          ),
        ]
      : [step('create', null, 'confirmed', 'client', createdAt)]),
    step('complete', 'confirmed', 'completed', 'coach', end),
  ];
}

function reviewDoc(
  booking: { _id: Types.ObjectId; end: Date },
  coachId: string,
  author: Person,
  stars: number,
  index: number,
  now: Date,
  texts?: { comment: string; reply: string },
): ImportedReview {
  const createdAt = reviewedAt(booking.end, index, now);
  const reply = texts ? texts.reply : demoReply(stars, index, author.firstName);
  const repliedAt = new Date(Math.min(createdAt.getTime() + DAY_MS, now.getTime()));
  return {
    booking: booking._id,
    coach: new Types.ObjectId(coachId),
    client: author.id,
    rating: stars,
    ratings: demoDetailRatings(stars, index),
    comment: texts ? texts.comment : demoComment(stars, index),
    response: reply ? { body: reply, createdAt: repliedAt, editedAt: null } : null,
    createdAt,
    updatedAt: reply ? repliedAt : createdAt,
  };
}
