import type { CoachPaymentEntry, CoachPaymentsOverview } from '@coachhub/shared/dashboard';
import { useTranslation } from 'react-i18next';

import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';

import { Stat } from './overview-stats';

interface OverviewPaymentsProps {
  payments: CoachPaymentsOverview;
  /** The overview's zone: dates read as the months above do. */
  timeZone: string;
}

/**
 * What clients paid online over the twelve months, what went back to them, and the latest
 * payments and refunds; with payment at the session, a word on why there is nothing here.
 */
export const OverviewPayments = ({ payments, timeZone }: OverviewPaymentsProps) => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (payments.provider === 'manual') {
    return (
      <p className="coach-overview__note" data-testid="overview-payments-manual">
        {t('coachOverview.payments.manual')}
      </p>
    );
  }
  const money = (amount: number, currency = payments.currency) =>
    formatMoney({ amount, currency }, locale);
  return (
    <>
      <dl className="overview-stats">
        <Stat
          testId="overview-payments-received"
          label={t('coachOverview.payments.received')}
          value={money(payments.received)}
          note={t('coachOverview.payments.receivedNote')}
        />
        <Stat
          testId="overview-payments-refunded"
          label={t('coachOverview.payments.refunded')}
          value={money(payments.refunded)}
          note={t('coachOverview.payments.refundedNote')}
        />
        <Stat
          testId="overview-payments-net"
          label={t('coachOverview.payments.net')}
          value={money(payments.net)}
          note={t('coachOverview.payments.netNote')}
        />
      </dl>
      {payments.otherCurrencies.length > 0 && (
        <p className="coach-overview__note" data-testid="overview-payments-other-currencies">
          {t('coachOverview.payments.otherCurrencies', {
            amounts: payments.otherCurrencies.map((other) => formatMoney(other, locale)).join(', '),
          })}
        </p>
      )}
      {payments.recent.length === 0 ? (
        <p className="coach-overview__note" data-testid="overview-payments-none">
          {t('coachOverview.payments.none')}
        </p>
      ) : (
        <RecentPayments entries={payments.recent} timeZone={timeZone} />
      )}
    </>
  );
};

const RecentPayments = ({
  entries,
  timeZone,
}: {
  entries: CoachPaymentEntry[];
  timeZone: string;
}) => {
  const { t, i18n } = useTranslation();
  const context = { locale: i18n.language, timeZone };
  const caption = t('coachOverview.payments.recentCaption');
  const column = (key: 'date' | 'client' | 'session' | 'kind' | 'amount' | 'status') =>
    t(`coachOverview.payments.columns.${key}`);
  const session = (entry: CoachPaymentEntry) =>
    entry.sessionTitle ??
    (entry.purchaseId ? t('coachOverview.payments.package') : t('coachOverview.payments.unknown'));

  return (
    <ScrollRegion className="overview-payments__scroll" label={caption}>
      <table className="overview-payments__table" data-testid="overview-payments-recent">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{column('date')}</th>
            <th scope="col">{column('client')}</th>
            <th scope="col">{column('session')}</th>
            <th scope="col">{column('kind')}</th>
            <th scope="col" className="overview-payments__amount">
              {column('amount')}
            </th>
            <th scope="col">{column('status')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <tr key={`${entry.at}-${entry.kind}-${index}`}>
              <td className="overview-payments__nowrap">
                {formatDateTime(entry.at, context, { dateStyle: 'medium', timeStyle: 'short' })}
              </td>
              <td>{entry.clientName || t('coachOverview.payments.unknown')}</td>
              <td>{session(entry)}</td>
              <td className="overview-payments__nowrap">
                {t(`payments.transactionKinds.${entry.kind}`)}
              </td>
              <td className="overview-payments__amount">
                {formatMoney({ amount: entry.amount, currency: entry.currency }, i18n.language)}
              </td>
              <td className="overview-payments__nowrap">
                {t(`payments.transactionStatuses.${entry.status}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
};
