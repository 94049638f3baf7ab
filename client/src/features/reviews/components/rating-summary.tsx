import { REVIEW_STARS } from '@coachhub/shared/review';
import type { RatingDistribution } from '@coachhub/shared/review';
import { useTranslation } from 'react-i18next';

import { formatRating } from '@/lib/format-rating';

import { StarRating } from './star-rating';

interface RatingSummaryProps {
  average: number;
  count: number;
  distribution: RatingDistribution;
}

/** The average, how many reviews, and a bar per number of stars (most stars first). */
export const RatingSummary = ({ average, count, distribution }: RatingSummaryProps) => {
  const { t, i18n } = useTranslation();
  const largest = Math.max(1, ...REVIEW_STARS.map((stars) => distribution[stars]));
  return (
    <div className="rating-summary" data-testid="rating-summary">
      <p className="rating-summary__average">
        <span className="rating-summary__number" aria-hidden="true">
          {formatRating(average, i18n.language)}
        </span>
        <StarRating value={average} />
        <span>{t('reviews.count', { count })}</span>
      </p>
      <ul className="rating-distribution" aria-label={t('reviews.distribution')}>
        {[...REVIEW_STARS].reverse().map((stars) => (
          <li key={stars} className="rating-distribution__row" data-stars={stars}>
            <span className="rating-distribution__label">
              {t('reviews.starOption', { count: stars })}
            </span>
            <span className="rating-distribution__bar" aria-hidden="true">
              <span style={{ inlineSize: `${(distribution[stars] / largest) * 100}%` }} />
            </span>
            <span className="rating-distribution__count">
              {t('reviews.count', { count: distribution[stars] })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
};
