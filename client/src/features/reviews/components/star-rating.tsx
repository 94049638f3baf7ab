import { REVIEW_LIMITS } from '@coachhub/shared/review';
import { useTranslation } from 'react-i18next';

import { formatRating } from '@/lib/format-rating';

import './reviews.css';

const STARS = Array.from({ length: REVIEW_LIMITS.ratingMax }, (_, index) => index + 1);

interface StarRatingProps {
  /** Whole stars of a review, or an average (shown to the nearest half star). */
  value: number;
  size?: 'sm' | 'md';
}

/** Stars to look at; screen readers hear "4 out of 5 stars" instead. */
export const StarRating = ({ value, size = 'md' }: StarRatingProps) => {
  const { t, i18n } = useTranslation();
  const rounded = Math.round(value * 2) / 2;
  const rating = Number.isInteger(value) ? String(value) : formatRating(value, i18n.language);
  return (
    <span
      className={`star-rating star-rating--${size}`}
      role="img"
      aria-label={t('reviews.outOfFive', { rating })}
      data-testid="star-rating"
      data-value={value}
    >
      {STARS.map((star) => (
        <span
          key={star}
          aria-hidden="true"
          className={
            star <= rounded
              ? 'star-rating__star star-rating__star--on'
              : star - 0.5 === rounded
                ? 'star-rating__star star-rating__star--half'
                : 'star-rating__star'
          }
        >
          ★
        </span>
      ))}
    </span>
  );
};
