import { REVIEW_ASPECTS, REVIEW_LIMITS } from '@coachhub/shared/review';
import { body, param } from 'express-validator';
import { paginationQuery } from '../../core/pagination.js';
import { idField, isPlainObject, trimmedText } from '../../core/validation-fields.js';
import { nestedBody, queryValue } from '../../core/validation.js';
import { isStarRating } from '../../domain/review-rules.js';

const STARS_MESSAGE = `Must be a whole number of stars from ${REVIEW_LIMITS.ratingMin} to ${REVIEW_LIMITS.ratingMax}`;

/**
 * `POST /api/reviews` `{ bookingId, rating, comment?, ratings?: { communication?, punctuality?,
 * value? } }`. The rule on `ratings` as a whole runs after the unknown-key check of its aspects
 * (see `nestedBody`), so `ratings.kindness` is refused as an unknown field.
 */
export const createReviewBody = () =>
  nestedBody(
    [
      idField('bookingId', 'Must be a booking id'),
      body('rating').custom(isStarRating).withMessage(STARS_MESSAGE),
      trimmedText(body('comment'), 0, REVIEW_LIMITS.commentMax).optional(),
      ...REVIEW_ASPECTS.map((aspect) =>
        body(`ratings.${aspect}`).optional().custom(isStarRating).withMessage(STARS_MESSAGE),
      ),
    ],
    [
      body('ratings')
        .optional()
        .custom(isPlainObject)
        .withMessage(`Must be an object of ${REVIEW_ASPECTS.join(', ')}`),
    ],
  );

/** `POST /api/reviews/:id/response` `{ body }` */
export const responseBody = () =>
  trimmedText(body('body'), REVIEW_LIMITS.responseMin, REVIEW_LIMITS.responseMax);

export const reviewIdParam = () => param('id').isMongoId().withMessage('Must be a review id');

/** `GET /api/reviews/mine?bookingId=&page=&limit=` */
export const myReviewsQuery = () => [
  queryValue('bookingId').isMongoId().withMessage('Must be a booking id'),
  ...paginationQuery(),
];

/** `GET /api/coaches/:userId/reviews?page=&limit=` */
export const coachReviewsQuery = () => paginationQuery();
