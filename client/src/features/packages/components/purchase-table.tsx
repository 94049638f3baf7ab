import type { PackagePurchaseDTO } from '@coachhub/shared/payment';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { useFormatContext } from '@/lib/use-format-context';

interface PurchaseTableProps {
  purchases: readonly PackagePurchaseDTO[];
  renderCoach: (coachId: string) => ReactNode;
}

/** Every package the client bought, newest first: what, from whom, when, how much, where it stands. */
export const PurchaseTable = ({ purchases, renderCoach }: PurchaseTableProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const newestFirst = [...purchases].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ScrollRegion className="purchase-table__scroll" label={t('packages.mine.purchasesCaption')}>
      <table className="purchase-table" data-testid="purchase-table">
        <caption className="visually-hidden">{t('packages.mine.purchasesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('packages.mine.package')}</th>
            <th scope="col">{t('packages.mine.coach')}</th>
            <th scope="col">{t('packages.mine.bought')}</th>
            <th scope="col">{t('packages.mine.price')}</th>
            <th scope="col">{t('packages.mine.status')}</th>
            <th scope="col">{t('packages.mine.method')}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((purchase) => (
            <tr key={purchase._id} data-testid="purchase" data-status={purchase.status}>
              <th scope="row">
                {purchase.packageName}{' '}
                <span className="credit__expiry">
                  ({t('packages.offer.sessions', { count: purchase.sessions })})
                </span>
              </th>
              <td>{renderCoach(purchase.coachId)}</td>
              <td>{formatDateTime(purchase.createdAt, format, { dateStyle: 'medium' })}</td>
              <td>
                {formatMoney(
                  { amount: purchase.price, currency: purchase.currency },
                  format.locale,
                )}
              </td>
              <td>
                <span
                  className={`purchase-status purchase-status--${purchase.status}`}
                  data-testid="purchase-status"
                >
                  {t(`packages.mine.statuses.${purchase.status}`)}
                </span>
              </td>
              <td data-testid="purchase-method">{t(`packages.mine.methods.${purchase.method}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
};
