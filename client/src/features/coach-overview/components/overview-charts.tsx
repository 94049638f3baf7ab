import type { CoachOverviewDTO } from '@coachhub/shared/dashboard';
import { useTranslation } from 'react-i18next';

import { Chart } from '@/components/charts/chart';
import { formatMoney } from '@/lib/money';

import { monthLabel } from './month-label';

/** Per month of the last twelve: revenue (sessions and fees stacked), sessions held, rating. */
export const OverviewCharts = ({ overview }: { overview: CoachOverviewDTO }) => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { currency } = overview;
  const money = (amount: number) => formatMoney({ amount, currency }, locale);
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  const rating = (value: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  const points = (pick: (month: CoachOverviewDTO['months'][number]) => Record<string, number>) =>
    overview.months.map((month) => ({
      label: monthLabel(month.month, locale),
      values: pick(month),
    }));

  return (
    <div className="overview-charts">
      <Chart
        type="bar"
        stacked
        title={t('coachOverview.charts.revenueTitle', { currency })}
        description={t('coachOverview.charts.revenueDescription')}
        categoryLabel={t('coachOverview.charts.month')}
        emptyText={t('coachOverview.charts.empty')}
        formatValue={money}
        series={[
          {
            key: 'sessions',
            label: t('coachOverview.charts.sessionRevenue'),
            color: 'var(--color-primary)',
          },
          {
            key: 'fees',
            label: t('coachOverview.charts.cancellationFees'),
            color: 'var(--color-warning)',
          },
        ]}
        points={points((month) => ({
          sessions: month.sessionRevenue,
          fees: month.cancellationFees,
        }))}
      />
      <Chart
        type="bar"
        title={t('coachOverview.charts.sessionsTitle')}
        categoryLabel={t('coachOverview.charts.month')}
        emptyText={t('coachOverview.charts.empty')}
        formatValue={count}
        series={[
          {
            key: 'completed',
            label: t('coachOverview.charts.completedSessions'),
            color: 'var(--color-accent-strong)',
          },
        ]}
        points={points((month) => ({ completed: month.completedSessions }))}
      />
      <Chart
        type="line"
        title={t('coachOverview.charts.ratingTitle')}
        description={t('coachOverview.charts.ratingDescription')}
        categoryLabel={t('coachOverview.charts.month')}
        emptyText={t('coachOverview.charts.noReviews')}
        formatValue={rating}
        yDomain={[1, 5]}
        series={[
          {
            key: 'average',
            label: t('coachOverview.charts.averageRating'),
            color: 'var(--color-warning)',
          },
        ]}
        points={overview.ratings.map((month) => ({
          label: monthLabel(month.month, locale),
          values: { average: month.average },
        }))}
      />
    </div>
  );
};
