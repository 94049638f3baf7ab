import type { Discount } from '@coachhub/shared/pricing';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { useDeleteDiscount } from '../../api/delete-discount';
import { DiscountForm } from './discount-form';
import { PriceItemList } from './price-item-list';
import type { PriceItem } from './price-item-list';

const condition = (discount: Discount, t: TFunction) => {
  switch (discount.kind) {
    case 'volume':
      return t('practice.pricing.volumeCondition', { count: discount.minSessions });
    case 'early_booking':
      return t('practice.pricing.earlyCondition', { count: discount.minDaysAhead });
    default:
      return t('practice.pricing.firstCondition');
  }
};

/** How a discount reads in the coach's list: "Loyal · 10% off", "Volume: from 5 sessions". */
const toPriceItem = (discount: Discount, t: TFunction): PriceItem => ({
  id: discount._id,
  title: `${discount.label} · ${t('practice.pricing.percentOff', { percent: discount.percent })}`,
  active: discount.active,
  detail: `${t(`booking.quote.kinds.${discount.kind}`)}: ${condition(discount, t)}`,
  removeLabel: t('practice.pricing.removeDiscount', { label: discount.label }),
  removeQuestion: t('practice.pricing.removeDiscountQuestion', { label: discount.label }),
});

/**
 * The coach's discounts; a removal, once confirmed, takes it off the list at once (see
 * `useDeleteDiscount`).
 */
export const DiscountsEditor = ({
  userId,
  discounts,
}: {
  userId: string;
  discounts: readonly Discount[];
}) => {
  const { t } = useTranslation();
  const remove = useDeleteDiscount(userId);
  return (
    <PriceItemList
      kind="discount"
      items={discounts.map((discount) => toPriceItem(discount, t))}
      onRemove={(id) => remove.mutate(id)}
      renderForm={(done) => <DiscountForm userId={userId} onDone={done} />}
    />
  );
};
