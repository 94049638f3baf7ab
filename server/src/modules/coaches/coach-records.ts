import type { CoachRating } from '@coachhub/shared/coach';
import type { Money } from '@coachhub/shared/pricing';
import type { BookingSettings } from '@coachhub/shared/scheduling';
import type { StoredImage } from '@coachhub/shared/user';
import type { ClientSession } from 'mongoose';
import { ratingAverage, type RatingTotals } from '../../domain/review-rules.js';
import { Coach } from './coach.model.js';

/**
 * The coaches module's published reads and writes for the scheduling modules above it, which
 * keep copies on the Coach document for the directory (`bookingSettings`, `priceFrom`).
 * Functions that take a `session` write inside the caller's transaction.
 */

export async function coachExists(userId: string, session?: ClientSession): Promise<boolean> {
  return (await Coach.exists({ user: userId }).session(session ?? null)) !== null;
}

/** The coach's time zone, or null for a user who is not a coach. */
export async function coachTimeZoneOf(
  userId: string,
  session?: ClientSession,
): Promise<string | null> {
  const coach = await Coach.findOne({ user: userId })
    .select('timeZone')
    .session(session ?? null)
    .lean();
  return coach?.timeZone ?? null;
}

/** Copies the booking settings onto the coach; false when the user is not a coach. */
export async function setCoachBookingSettings(
  userId: string,
  settings: BookingSettings,
  session: ClientSession,
): Promise<boolean> {
  const result = await Coach.updateOne(
    { user: userId },
    { $set: { bookingSettings: settings } },
    { session },
  );
  return result.matchedCount > 0;
}

/** The directory's price filter and sort: the lowest price the coach offers (null: none). */
export async function setCoachPriceFrom(
  userId: string,
  priceFrom: Money | null,
  session: ClientSession,
): Promise<void> {
  await Coach.updateOne({ user: userId }, { $set: { priceFrom } }, { session });
}

/**
 * The reviews feature's one way to change a coach's rating: `delta` (stars and reviews, e.g.
 * `{ sum: 4, count: 1 }` for a new 4-star review, negative for a hidden one) is added with `$inc`
 * inside the caller's transaction, then the average is set from the totals it produced. The
 * increment makes the transaction the document's writer, so concurrent changes serialise
 * (the database retries the loser) and never overwrite each other's counts. Returns the new
 * rating, or null when the user is not a coach.
 */
export async function applyRatingChange(
  coachUserId: string,
  delta: RatingTotals,
  session: ClientSession,
): Promise<CoachRating | null> {
  const updated = await Coach.findOneAndUpdate(
    { user: coachUserId },
    { $inc: { 'rating.sum': delta.sum, 'rating.count': delta.count } },
    { session, returnDocument: 'after', projection: { rating: 1 } },
  ).lean();
  if (!updated) return null;
  return setAverage(
    coachUserId,
    { sum: updated.rating.sum ?? 0, count: updated.rating.count },
    session,
  );
}

/** Replaces the totals with a recount of the coach's visible reviews (the demo seed, repairs). */
export async function setRatingTotals(
  coachUserId: string,
  totals: RatingTotals,
  session: ClientSession,
): Promise<CoachRating> {
  await Coach.updateOne(
    { user: coachUserId },
    { $set: { 'rating.sum': totals.sum, 'rating.count': totals.count } },
    { session },
  );
  return setAverage(coachUserId, totals, session);
}

async function setAverage(
  coachUserId: string,
  totals: RatingTotals,
  session: ClientSession,
): Promise<CoachRating> {
  const rating = { average: ratingAverage(totals), count: totals.count };
  await Coach.updateOne(
    { user: coachUserId },
    { $set: { 'rating.average': rating.average } },
    { session },
  );
  return rating;
}

/** Profile fields written when a coach comes from elsewhere (the demo data), already approved. */
export interface ImportedCoachProfile {
  bio: string;
  certifications: string[];
  yearsOfExperience: number;
  coachProfilePicture: StoredImage | null;
}

export async function importApprovedCoachProfile(
  userId: string,
  profile: ImportedCoachProfile,
  now = new Date(),
): Promise<void> {
  await Coach.updateOne(
    { user: userId },
    {
      $set: {
        ...profile,
        verification: {
          status: 'approved',
          reason: null,
          submittedAt: now,
          reviewedAt: now,
          reviewedBy: null,
        },
      },
    },
  );
}
