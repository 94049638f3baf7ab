import type { ReviewDTO, ReviewModerationPage } from '@coachhub/shared/review';

/**
 * What the admin area asks of the reviews feature (its service answers it): reading any review,
 * the moderation list, hiding and restoring (which write their own audit entries and adjust the
 * coach's rating).
 */
export interface ReviewModeration {
  getReview(reviewId: string): Promise<ReviewDTO>;
  listForModeration(input: {
    hidden?: boolean;
    coachId?: string;
    page: number;
    limit: number;
  }): Promise<ReviewModerationPage>;
  hide(input: { reviewId: string; actorId: string; reason: string }): Promise<ReviewDTO>;
  restore(input: { reviewId: string; actorId: string; reason: string }): Promise<ReviewDTO>;
}
