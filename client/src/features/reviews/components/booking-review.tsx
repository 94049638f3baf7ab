import type { BookingDTO } from '@coachhub/shared/booking';
import type { ReviewDTO } from '@coachhub/shared/review';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import { useMyReview } from '../api/get-my-review';
import { ReviewForm } from './review-form';
import { StarRating } from './star-rating';
import './reviews.css';

interface BookingReviewProps {
  booking: BookingDTO;
  /** After a review is published, e.g. to have the coach's rating read again. */
  onReviewed?: (review: ReviewDTO) => void;
}

/**
 * Under a completed session in the client's list: "Write a review" until there is one, then
 * "Reviewed" with its stars.
 */
export const BookingReview = ({ booking, onReviewed }: BookingReviewProps) => {
  const { t } = useTranslation();
  const [writing, setWriting] = useState(false);
  const review = useMyReview(booking._id);
  const coachName = `${booking.coach.firstName} ${booking.coach.lastName}`;

  if (review.isPending) return null;
  if (review.data) {
    return (
      <p className="booking-review booking-review--done" data-testid="booking-reviewed">
        <span className="booking-review__badge">{t('reviews.reviewed')}</span>
        <StarRating value={review.data.rating} size="sm" />
      </p>
    );
  }
  if (writing) {
    return (
      <ReviewForm
        bookingId={booking._id}
        coachName={coachName}
        onDone={(created) => {
          setWriting(false);
          onReviewed?.(created);
        }}
        onCancel={() => setWriting(false)}
      />
    );
  }
  return (
    <div className="booking-review">
      <Button
        variant="secondary"
        onClick={() => setWriting(true)}
        aria-label={t('reviews.writeFor', { name: coachName })}
      >
        {t('reviews.write')}
      </Button>
    </div>
  );
};
