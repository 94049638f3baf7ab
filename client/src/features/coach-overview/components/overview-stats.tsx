import type { CoachOverviewDTO } from '@coachhub/shared/dashboard';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { paths } from '@/config/paths';
import { formatMoney } from '@/lib/money';

interface StatProps {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId: string;
}

/** One headline figure of a `<dl className="overview-stats">`. */
export const Stat = ({ label, value, note, testId }: StatProps) => (
  <div className="overview-stat" data-testid={testId}>
    <dt className="overview-stat__label">{label}</dt>
    <dd className="overview-stat__value">{value}</dd>
    {note && <dd className="overview-stat__note">{note}</dd>}
  </div>
);

/** The headline numbers: this week, what waits for an answer, and the twelve months' sums. */
export const OverviewStats = ({ overview }: { overview: CoachOverviewDTO }) => {
  const { t, i18n } = useTranslation();
  const { thisWeek, requests, totals } = overview;
  const waiting = requests.pendingBookings + requests.pendingReschedules;
  return (
    <dl className="overview-stats">
      <Stat
        testId="overview-week"
        label={t('coachOverview.stats.thisWeek')}
        value={thisWeek.upcomingSessions}
        note={t('coachOverview.stats.thisWeekNote', { count: thisWeek.upcomingSessions })}
      />
      <Stat
        testId="overview-requests"
        label={t('coachOverview.stats.requests')}
        value={waiting}
        note={
          <>
            {t('coachOverview.stats.requestsNote', {
              bookings: requests.pendingBookings,
              moves: requests.pendingReschedules,
            })}{' '}
            {waiting > 0 && (
              <Link to={paths.app.practice.getHref()}>{t('coachOverview.stats.answer')}</Link>
            )}
          </>
        }
      />
      <Stat
        testId="overview-completed"
        label={t('coachOverview.stats.completed')}
        value={totals.completedSessions}
        note={t('coachOverview.stats.last12Months')}
      />
      <Stat
        testId="overview-revenue"
        label={t('coachOverview.stats.revenue')}
        value={formatMoney(totals.revenue, i18n.language)}
        note={t('coachOverview.stats.revenueNote', {
          fees: formatMoney(totals.cancellationFees, i18n.language),
        })}
      />
    </dl>
  );
};
