import type { CoachRating as Rating } from '@coachhub/shared/coach';
import { useTranslation } from 'react-i18next';

import { formatRating } from '@/lib/format-rating';

/** "★ 4.8 (52)" on screen; screen readers hear the whole sentence instead of the symbols. */
export const CoachRating = ({ rating }: { rating: Rating }) => {
  const { t, i18n } = useTranslation();
  if (rating.count === 0) {
    return <span className="coach-rating coach-rating--new">{t('coaches.rating.new')}</span>;
  }
  const average = formatRating(rating.average, i18n.language);
  return (
    <span className="coach-rating" data-testid="coach-rating">
      <span aria-hidden="true">
        <span className="coach-rating__star">★</span>{' '}
        {t('coaches.rating.short', { average, count: rating.count })}
      </span>
      <span className="visually-hidden">
        {t('coaches.rating.label', { average, count: rating.count })}
      </span>
    </span>
  );
};
