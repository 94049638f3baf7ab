import type { AdminStatsDTO, DailyCount } from '@coachhub/shared/admin';
import { BOOKING_STATUSES } from '@coachhub/shared/scheduling';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { Chart } from '@/components/charts/chart';
import { Button } from '@/components/ui/button';
import { LoadingScreen } from '@/components/ui/loading-screen';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useAdminStats } from '../api/get-admin-stats';
import '../components/admin-layout.css';

const dayLabel = (date: string, locale: string) =>
  formatDateTime(
    `${date}T12:00:00Z`,
    { locale, timeZone: 'UTC' },
    { day: 'numeric', month: 'short' },
  );

const Figures = ({ stats }: { stats: AdminStatsDTO }) => {
  const { t } = useTranslation();
  const { users, coaches, bookings, reports } = stats;
  return (
    <dl className="admin-stats" data-testid="admin-figures">
      <div>
        <dt>{t('admin.overview.users')}</dt>
        <dd>
          {users.total}
          <span className="admin-stats__detail">
            {t('admin.overview.usersDetail', {
              clients: users.byRole.client,
              coaches: users.byRole.coach,
              admins: users.byRole.admin,
              suspended: users.byStatus.suspended,
            })}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('admin.overview.coaches')}</dt>
        <dd>
          {coaches.total}
          <span className="admin-stats__detail">
            {t('admin.overview.coachesDetail', {
              approved: coaches.byVerification.approved,
              pending: coaches.byVerification.pending,
              rejected: coaches.byVerification.rejected,
            })}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('admin.overview.bookings')}</dt>
        <dd>
          {bookings.total}
          <span className="admin-stats__detail">
            {BOOKING_STATUSES.map(
              (status) => `${t(`bookings.status.${status}`)}: ${bookings.byStatus[status]}`,
            ).join(' · ')}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('admin.overview.openReports')}</dt>
        <dd data-testid="open-reports">
          {reports.open}
          <span className="admin-stats__detail">
            <Link to={paths.app.adminReports.getHref()}>{t('admin.overview.toReports')}</Link>
          </span>
        </dd>
      </div>
    </dl>
  );
};

/** `/admin`: the product in figures, and the last 30 days of bookings and sign-ups. */
export const AdminOverviewPage = () => {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const stats = useAdminStats();
  const count = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const points = (days: DailyCount[]) =>
    days.map((day) => ({ label: dayLabel(day.date, i18n.language), values: { count: day.count } }));

  return (
    <div className="admin-page">
      <PageTitle title={t('admin.overview.title')} />
      <header className="page-header">
        <h1>{t('admin.overview.title')}</h1>
        <p className="page-header__lead">{t('admin.overview.lead')}</p>
      </header>
      {stats.isPending && <LoadingScreen />}
      {stats.isError && (
        <div role="alert">
          <p>
            {t('admin.area.loadFailed')} {errorMessage(stats.error)}
          </p>
          <Button variant="secondary" onClick={() => void stats.refetch()}>
            {t('admin.area.retry')}
          </Button>
        </div>
      )}
      {stats.data && (
        <>
          <Figures stats={stats.data} />
          <div className="admin-charts">
            <Chart
              type="bar"
              title={t('admin.overview.bookingsPerDay')}
              categoryLabel={t('admin.overview.day')}
              emptyText={t('admin.overview.noneYet')}
              formatValue={count}
              series={[
                {
                  key: 'count',
                  label: t('admin.overview.bookings'),
                  color: 'var(--color-primary)',
                },
              ]}
              points={points(stats.data.bookingsPerDay)}
            />
            <Chart
              type="bar"
              title={t('admin.overview.newUsersPerDay')}
              categoryLabel={t('admin.overview.day')}
              emptyText={t('admin.overview.noneYet')}
              formatValue={count}
              series={[
                {
                  key: 'count',
                  label: t('admin.overview.newUsers'),
                  color: 'var(--color-accent-strong)',
                },
              ]}
              points={points(stats.data.newUsersPerDay)}
            />
          </div>
        </>
      )}
    </div>
  );
};
