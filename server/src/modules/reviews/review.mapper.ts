import type { ReviewDTO, ReviewDetailRatings } from '@coachhub/shared/review';
import { REVIEW_ASPECTS } from '@coachhub/shared/review';
import type { UserSummaryDTO } from '@coachhub/shared/user';
import { responseEditableUntil, reviewerDisplayName } from '../../domain/review-rules.js';
import type { ReviewRecord } from './review.model.js';

/** Only the aspects the client rated, in a fixed order. */
function detailRatings(ratings: ReviewRecord['ratings'] | undefined): ReviewDetailRatings {
  const given: ReviewDetailRatings = {};
  for (const aspect of REVIEW_ASPECTS) {
    const value = ratings?.[aspect];
    if (typeof value === 'number') given[aspect] = value;
  }
  return given;
}

/**
 * The one shape of a review. `reviewer` is the author's public summary; a review whose author
 * is gone (never deleted today) still shows, without a name.
 */
export function toReviewDTO(record: ReviewRecord, reviewer: UserSummaryDTO | undefined): ReviewDTO {
  const { response } = record;
  return {
    _id: record._id.toString(),
    bookingId: record.booking.toString(),
    coachId: record.coach.toString(),
    reviewer: {
      _id: record.client.toString(),
      displayName: reviewer ? reviewerDisplayName(reviewer.firstName, reviewer.lastName) : '',
      profilePicture: reviewer?.profilePicture
        ? { url: reviewer.profilePicture.url, publicId: reviewer.profilePicture.publicId }
        : null,
    },
    rating: record.rating,
    ratings: detailRatings(record.ratings),
    comment: record.comment ?? '',
    response: response
      ? {
          body: response.body,
          createdAt: response.createdAt.toISOString(),
          editedAt: response.editedAt ? response.editedAt.toISOString() : null,
          editableUntil: responseEditableUntil(response.createdAt).toISOString(),
        }
      : null,
    hiddenAt: record.hiddenAt ? record.hiddenAt.toISOString() : null,
    hiddenReason: record.hiddenAt ? (record.hiddenReason ?? null) : null,
    createdAt: record.createdAt.toISOString(),
  };
}
