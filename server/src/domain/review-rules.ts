import {
  REVIEW_LIMITS,
  REVIEW_STARS,
  type RatingDistribution,
  type ReviewStars,
} from '@coachhub/shared/review';

const HOUR_MS = 3_600_000;

/** What a coach's rating is kept as: the stars of the visible reviews added up, and how many. */
export interface RatingTotals {
  sum: number;
  count: number;
}

/** A whole number of stars from 1 to 5. */
export const isStarRating = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value >= REVIEW_LIMITS.ratingMin &&
  value <= REVIEW_LIMITS.ratingMax;

/** The average the CoachDTO shows: two decimals (the directory sorts by it), 0 without reviews. */
export function ratingAverage({ sum, count }: RatingTotals): number {
  if (count === 0) return 0;
  return Math.round((sum / count) * 100) / 100;
}

/** The change a review makes to its coach's totals when it starts (`add`) or stops counting. */
export function ratingDelta(stars: number, direction: 'add' | 'remove'): RatingTotals {
  if (!isStarRating(stars)) throw new RangeError(`Not a star rating: ${stars}`);
  return direction === 'add' ? { sum: stars, count: 1 } : { sum: -stars, count: -1 };
}

/** Totals of a set of reviews' stars (a recount). */
export const ratingTotalsOf = (stars: readonly number[]): RatingTotals => ({
  sum: stars.reduce((total, value) => total + value, 0),
  count: stars.length,
});

/** How many reviews gave each number of stars, every key present. */
export function ratingDistribution(
  counts: readonly { stars: number; count: number }[],
): RatingDistribution {
  const distribution = Object.fromEntries(REVIEW_STARS.map((stars) => [stars, 0])) as Record<
    ReviewStars,
    number
  >;
  for (const { stars, count } of counts) {
    if ((REVIEW_STARS as readonly number[]).includes(stars)) {
      distribution[stars as ReviewStars] += count;
    }
  }
  return distribution;
}

/** The coach may edit a reply until `responseEditHours` after first posting it. */
export const responseEditableUntil = (createdAt: Date): Date =>
  new Date(createdAt.getTime() + REVIEW_LIMITS.responseEditHours * HOUR_MS);

export const canEditResponse = (createdAt: Date, now: Date): boolean =>
  now.getTime() < responseEditableUntil(createdAt).getTime();

/** Why a review of a booking is refused, or null when the caller may write it. */
export type ReviewRefusal = 'not_found' | 'not_completed' | 'already_reviewed';

export function reviewRefusal(
  booking: { clientId: string; status: string } | null,
  callerId: string,
  alreadyReviewed: boolean,
): ReviewRefusal | null {
  // Someone else's booking is not confirmed to exist, whatever its state.
  if (!booking || booking.clientId !== callerId) return 'not_found';
  if (booking.status !== 'completed') return 'not_completed';
  return alreadyReviewed ? 'already_reviewed' : null;
}

/** Hiding needs a visible review, restoring a hidden one. */
export const canModerate = (hidden: boolean, action: 'hide' | 'restore'): boolean =>
  action === 'hide' ? !hidden : hidden;

/** "Lena F.": the first name and the last name's initial, as reviews show their author. */
export function reviewerDisplayName(firstName: string, lastName: string): string {
  const first = firstName.trim();
  const [initial] = Array.from(lastName.trim());
  return initial ? `${first} ${initial.toLocaleUpperCase()}.` : first;
}
