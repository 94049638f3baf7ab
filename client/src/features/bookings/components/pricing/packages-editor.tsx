import type { Currency, SessionPackage } from '@coachhub/shared/pricing';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { formatMoney } from '@/lib/money';

import { useDeletePackage } from '../../api/delete-package';
import { PackageForm } from './package-form';
import { PriceItemList } from './price-item-list';
import type { PriceItem } from './price-item-list';

/** How a package reads in the coach's list: "Starter · €400", "5 sessions within 180 days". */
const toPriceItem = (
  item: SessionPackage,
  currency: Currency,
  t: TFunction,
  locale: string,
): PriceItem => ({
  id: item._id,
  title: `${item.name} · ${formatMoney({ amount: item.price, currency }, locale)}`,
  active: item.active,
  detail: t('practice.pricing.packageDetail', { count: item.sessions, days: item.validityDays }),
  removeLabel: t('practice.pricing.removePackage', { name: item.name }),
  removeQuestion: t('practice.pricing.removePackageQuestion', { name: item.name }),
});

interface PackagesEditorProps {
  userId: string;
  currency: Currency;
  packages: readonly SessionPackage[];
}

/**
 * The coach's packages; a removal, once confirmed, takes it off the list at once (see
 * `useDeletePackage`).
 */
export const PackagesEditor = ({ userId, currency, packages }: PackagesEditorProps) => {
  const { t, i18n } = useTranslation();
  const remove = useDeletePackage(userId);
  return (
    <PriceItemList
      kind="package"
      items={packages.map((item) => toPriceItem(item, currency, t, i18n.language))}
      onRemove={(id) => remove.mutate(id)}
      renderForm={(done) => <PackageForm userId={userId} currency={currency} onDone={done} />}
    />
  );
};
