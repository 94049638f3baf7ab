import type { Page } from './pagination.js';
import type { StoredImage } from './user.js';

/**
 * Reviews: the client of a completed booking rates it once; the coach replies once and may edit
 * the reply for a while; admins hide and restore reviews. A coach's `rating` (CoachDTO) counts
 * the visible reviews only.
 */

export const REVIEW_LIMITS = {
  /** Stars of the overall rating and of each detail rating: whole numbers in this range. */
  ratingMin: 1,
  ratingMax: 5,
  /** Characters of the comment after trimming (it may be empty). */
  commentMax: 2000,
  /** Characters of the coach's reply after trimming. */
  responseMin: 1,
  responseMax: 2000,
  /** The coach may edit the reply this long after first posting it. */
  responseEditHours: 24,
} as const;

/** What a client may rate besides the overall experience (each optional). */
export const REVIEW_ASPECTS = ['communication', 'punctuality', 'value'] as const;
export type ReviewAspect = (typeof REVIEW_ASPECTS)[number];

/** The star values, for the distribution's keys. */
export const REVIEW_STARS = [1, 2, 3, 4, 5] as const;
export type ReviewStars = (typeof REVIEW_STARS)[number];

/** The detail ratings the client gave (whole stars, 1-5); left out when not given. */
export type ReviewDetailRatings = Partial<Record<ReviewAspect, number>>;

/** Who wrote a review, as everyone may see it. */
export interface ReviewerDTO {
  /** The reviewer's user id. */
  _id: string;
  /** First name and the last name's initial, e.g. "Lena F.". */
  displayName: string;
  profilePicture: StoredImage | null;
}

/** The coach's reply to a review. */
export interface ReviewResponseDTO {
  body: string;
  createdAt: string;
  /** When the coach last edited it; null while never edited. */
  editedAt: string | null;
  /** Until when the coach may edit it (`responseEditHours` after `createdAt`). */
  editableUntil: string;
}

export interface ReviewDTO {
  _id: string;
  bookingId: string;
  /** The reviewed coach's user id. */
  coachId: string;
  reviewer: ReviewerDTO;
  /** Overall stars, a whole number from 1 to 5. */
  rating: number;
  ratings: ReviewDetailRatings;
  /** Trimmed; empty when the client left no comment. */
  comment: string;
  response: ReviewResponseDTO | null;
  /** Set while an admin hides the review: it leaves the coach's list and rating until restored. */
  hiddenAt: string | null;
  hiddenReason: string | null;
  createdAt: string;
}

/** `POST /api/reviews` -> 201 `ReviewDTO`. Only the booking's client, once, after it completed. */
export interface CreateReviewRequest {
  bookingId: string;
  rating: number;
  /** 0 to `commentMax` characters after trimming; absent means none. */
  comment?: string;
  ratings?: ReviewDetailRatings;
}

/**
 * `POST /api/reviews/:id/response` (the reviewed coach) -> the `ReviewDTO` with its `response`:
 * 201 for the first reply, 200 for an edit within `responseEditHours` of it; later 409
 * `RESPONSE_EDIT_CLOSED`.
 */
export interface ReviewResponseRequest {
  body: string;
}

/** How many visible reviews gave each number of stars. */
export type RatingDistribution = Record<ReviewStars, number>;

/**
 * `GET /api/coaches/:userId/reviews?page=&limit=` (public): the coach's visible reviews, newest
 * first, with the distribution of their stars and the coach's rating (as on the CoachDTO).
 */
export interface CoachReviewsPage extends Page<ReviewDTO> {
  distribution: RatingDistribution;
  average: number;
  count: number;
}

/** `GET /api/reviews/mine?bookingId=&page=&limit=`: the caller's own reviews, newest first. */
export interface MyReviewsQuery {
  /** Only the review of this booking (0 or 1 item). */
  bookingId?: string;
  page?: number;
  limit?: number;
}
export type MyReviewsPage = Page<ReviewDTO>;

/** The admins' review moderation list (hidden ones included), newest first. */
export interface ReviewModerationQuery {
  /** true: only hidden reviews; false: only visible ones; absent: both. */
  hidden?: boolean;
  /** Only the reviews of this coach (user id). */
  coachId?: string;
  page?: number;
  limit?: number;
}
export type ReviewModerationPage = Page<ReviewDTO>;
