import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { LoadingScreen } from '@/components/ui/loading-screen';
import { PageTitle } from '@/components/ui/page-title';
import { formatMoney } from '@/lib/money';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useCoachOverview } from '../api/get-coach-overview';
import { OverviewCharts } from '../components/overview-charts';
import { OverviewPayments } from '../components/overview-payments';
import { OverviewStats } from '../components/overview-stats';
import './coach-overview-page.css';

/**
 * `/practice/overview`: the coach's week, waiting requests, last twelve months in figures and
 * online payments.
 */
export const CoachOverviewPage = () => {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const overview = useCoachOverview();

  return (
    <div className="coach-overview">
      <PageTitle title={t('coachOverview.title')} />
      <header className="page-header">
        <h1>{t('coachOverview.title')}</h1>
        <p className="page-header__lead">
          {overview.data
            ? t('coachOverview.leadWithZone', { timeZone: overview.data.timeZone })
            : t('coachOverview.lead')}
        </p>
      </header>
      {overview.isPending && <LoadingScreen />}
      {overview.isError && (
        <div className="message-page" role="alert">
          <p>
            {t('coachOverview.loadFailed')} {errorMessage(overview.error)}
          </p>
          <Button variant="secondary" onClick={() => void overview.refetch()}>
            {t('coachOverview.retry')}
          </Button>
        </div>
      )}
      {overview.data && (
        <>
          <section className="panel" aria-labelledby="overview-now">
            <h2 id="overview-now" className="visually-hidden">
              {t('coachOverview.nowHeading')}
            </h2>
            <OverviewStats overview={overview.data} />
          </section>
          <section className="panel" aria-labelledby="overview-months">
            <h2 id="overview-months">{t('coachOverview.monthsHeading')}</h2>
            <OverviewCharts overview={overview.data} />
            {overview.data.otherCurrencies.length > 0 && (
              <p className="coach-overview__note" data-testid="overview-other-currencies">
                {t('coachOverview.otherCurrencies', {
                  amounts: overview.data.otherCurrencies
                    .map((money) => formatMoney(money, i18n.language))
                    .join(', '),
                })}
              </p>
            )}
          </section>
          {overview.data.payments && (
            <section className="panel" aria-labelledby="overview-payments">
              <h2 id="overview-payments">{t('coachOverview.payments.heading')}</h2>
              <OverviewPayments
                payments={overview.data.payments}
                timeZone={overview.data.timeZone}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
};
