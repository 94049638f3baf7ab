import type { CoachReviewsPage, ReviewDTO } from '@coachhub/shared/review';

export const makeReview = (overrides: Partial<ReviewDTO> = {}): ReviewDTO => ({
  _id: 'review-1',
  bookingId: 'booking-1',
  coachId: 'coach-1',
  reviewer: { _id: 'user-1', displayName: 'Ada L.', profilePicture: null },
  rating: 5,
  ratings: {},
  comment: 'Clear, warm and practical.',
  response: null,
  hiddenAt: null,
  hiddenReason: null,
  createdAt: '2026-04-20T10:00:00.000Z',
  ...overrides,
});

export const makeCoachReviewsPage = (
  items: ReviewDTO[],
  overrides: Partial<CoachReviewsPage> = {},
): CoachReviewsPage => ({
  items,
  page: 1,
  limit: 5,
  total: items.length,
  distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: items.length },
  average: items.length ? 5 : 0,
  count: items.length,
  ...overrides,
});
