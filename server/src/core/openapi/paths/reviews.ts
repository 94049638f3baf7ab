import {
  created,
  idSchema,
  json,
  notModified,
  ok,
  pageQuery,
  type RouteTable,
} from '../route-doc.js';

/** Reviews of completed bookings and the coaches' replies; the public list hangs off a coach. */
export const REVIEW_ROUTES: RouteTable = {
  'POST /api/reviews': {
    tag: 'Reviews',
    summary: 'Review a completed session (once)',
    description:
      'The coach’s rating (CoachDTO `rating`) changes in the same transaction. Someone else’s or an unknown booking is 404.',
    auth: 'bearer',
    access: 'the booking’s client',
    body: { schema: json('CreateReviewRequest') },
    responses: { 201: created(json('ReviewDTO')) },
    errors: { 404: ['NOT_FOUND'], 409: ['ALREADY_REVIEWED', 'BOOKING_NOT_COMPLETED'] },
  },
  'GET /api/reviews/mine': {
    tag: 'Reviews',
    summary: 'The caller’s own reviews, newest first',
    description: '`bookingId` answers the review of that booking, if the caller wrote one.',
    auth: 'bearer',
    query: [{ name: 'bookingId', schema: idSchema }, ...pageQuery()],
    responses: { 200: ok(json('MyReviewsPage')) },
  },
  'POST /api/reviews/{id}/response': {
    tag: 'Reviews',
    summary: 'Reply to a review, or edit the reply',
    description:
      'The first reply is 201; another within 24 hours of it edits it (200, `editedAt` set); after that 409.',
    auth: 'bearer',
    access: 'the reviewed coach (others 404)',
    params: { id: 'Review id' },
    body: { schema: json('ReviewResponseRequest') },
    responses: {
      200: ok(json('ReviewDTO'), 'The reply was edited'),
      201: created(json('ReviewDTO'), 'The reply was posted'),
    },
    errors: { 404: ['NOT_FOUND'], 409: ['RESPONSE_EDIT_CLOSED'] },
  },
  'GET /api/coaches/{userId}/reviews': {
    tag: 'Reviews',
    summary: 'A coach’s visible reviews, newest first, with the star distribution',
    description:
      'Hidden reviews are left out. A coach hidden from the caller is 404, as the profile.',
    auth: 'optional',
    params: { userId: 'The coach’s user id' },
    query: pageQuery(),
    responses: { 200: ok(json('CoachReviewsPage')), 304: notModified },
    errors: { 404: ['NOT_FOUND'] },
  },
};
