import type { Money } from '@coachhub/shared/pricing';
import { useTranslation } from 'react-i18next';

import { formatMoney } from '@/lib/money';

/** The cheapest session, in the coach's currency and the reader's number format. */
export const CoachPrice = ({ priceFrom }: { priceFrom: Money | null }) => {
  const { t, i18n } = useTranslation();
  if (!priceFrom) return <span className="coach-price">{t('coaches.price.unknown')}</span>;
  return (
    <span className="coach-price" data-testid="coach-price">
      <strong>{t('coaches.price.from', { price: formatMoney(priceFrom, i18n.language) })}</strong>{' '}
      <span className="coach-price__unit">{t('coaches.price.perSession')}</span>
    </span>
  );
};
