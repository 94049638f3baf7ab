import type { ReviewDTO } from '@coachhub/shared/review';
import { useDeferredValue } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useCoachReviews } from '../api/get-coach-reviews';
import { RatingSummary } from './rating-summary';
import { ReviewItem } from './review-item';
import './reviews.css';

interface CoachReviewsSectionProps {
  coachId: string;
  coachName: string;
  /** The coach looking at their own page: replies can be written there. */
  viewerIsCoach: boolean;
  /** What other features offer on each review (reporting it), filled in by the route. */
  renderReviewActions?: (review: ReviewDTO) => ReactNode;
}

/** A coach's reviews on their profile: the figures, then the reviews, a few more at a time. */
export const CoachReviewsSection = ({
  coachId,
  coachName,
  viewerIsCoach,
  renderReviewActions,
}: CoachReviewsSectionProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const reviews = useCoachReviews(coachId);
  // The answer arrives as the page finishes hydrating; drawn at once, the figures and a page of
  // reviews are one long task. Deferred, React draws them in slices the browser can interrupt.
  const shown = useDeferredValue(reviews.data);
  const [first] = shown?.pages ?? [];
  const items = shown?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section
      id="reviews"
      className="panel coach-reviews"
      aria-labelledby="coach-reviews-heading"
      data-testid="coach-reviews"
    >
      <h2 id="coach-reviews-heading">{t('reviews.heading')}</h2>
      {!shown && !reviews.isError && <p role="status">{t('reviews.loading')}</p>}
      {reviews.isError && (
        <div role="alert">
          <p>
            {t('reviews.loadFailed')} {errorMessage(reviews.error)}
          </p>
          <Button variant="secondary" onClick={() => void reviews.refetch()}>
            {t('reviews.retry')}
          </Button>
        </div>
      )}
      {first && first.total === 0 && (
        <p className="coach-reviews__empty" data-testid="reviews-empty">
          {t('reviews.none')}
        </p>
      )}
      {first && first.total > 0 && (
        <>
          <RatingSummary
            average={first.average}
            count={first.count}
            distribution={first.distribution}
          />
          <ul className="review-list" aria-label={t('reviews.listLabel', { name: coachName })}>
            {items.map((review) => (
              <li key={review._id}>
                <ReviewItem
                  review={review}
                  coachName={coachName}
                  canReply={viewerIsCoach}
                  actions={renderReviewActions?.(review)}
                />
              </li>
            ))}
          </ul>
          {reviews.hasNextPage && (
            <Button
              variant="secondary"
              onClick={() => void reviews.fetchNextPage()}
              isBusy={reviews.isFetchingNextPage}
              busyLabel={t('reviews.loadingMore')}
            >
              {t('reviews.showMore')}
            </Button>
          )}
        </>
      )}
    </section>
  );
};
