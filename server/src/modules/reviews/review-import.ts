import type { CoachRating } from '@coachhub/shared/coach';
import { Types, type ClientSession } from 'mongoose';
import { setRatingTotals } from '../coaches/coach-records.js';
import { Review, type ReviewFields } from './review.model.js';

/** A review brought in whole (the demo data), with its own times and reply. */
export type ImportedReview = Omit<ReviewFields, 'hiddenAt' | 'hiddenReason'>;

/** Whether the coach has any review at all (the demo seed runs once per coach). */
export async function coachHasReviews(coachId: string, session: ClientSession): Promise<boolean> {
  return (await Review.exists({ coach: coachId }).session(session)) !== null;
}

/**
 * Writes the reviews as given (`lean`: complete documents, no casting or defaults), inside the
 * caller's transaction, bypassing the review rules on purpose (the caller made their bookings
 * completed). Then call `recountCoachRating`.
 */
export async function importReviews(
  reviews: readonly ImportedReview[],
  session: ClientSession,
): Promise<void> {
  await Review.insertMany(
    reviews.map((review) => ({ ...review, hiddenAt: null, hiddenReason: null })),
    { session, timestamps: false, lean: true },
  );
}

/** Sets the coach's rating from a recount of the visible reviews, in the caller's transaction. */
export async function recountCoachRating(
  coachId: string,
  session: ClientSession,
): Promise<CoachRating> {
  const [totals] = await Review.aggregate<{ sum: number; count: number }>([
    { $match: { coach: new Types.ObjectId(coachId), hiddenAt: null } },
    { $group: { _id: null, sum: { $sum: '$rating' }, count: { $sum: 1 } } },
  ]).session(session);
  return setRatingTotals(coachId, { sum: totals?.sum ?? 0, count: totals?.count ?? 0 }, session);
}
