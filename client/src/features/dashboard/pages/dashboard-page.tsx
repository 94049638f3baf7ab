import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { useCurrentUser } from '@/lib/auth/session';

import { LocalTime } from '../components/local-time';
import { RoleCards } from '../components/role-cards';
import { TimeZoneHint } from '../components/time-zone-hint';
import './dashboard-page.css';

export const DashboardPage = () => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // The route guard renders this page only with a user; null is the instant of a logout.
  if (!user) return null;

  return (
    <div className="dashboard">
      <PageTitle title={t('dashboard.title')} />
      <header className="page-header">
        <h1 data-testid="dashboard-greeting">
          {t('dashboard.greeting', { name: user.firstName })}
        </h1>
        <dl className="facts">
          <div className="facts__item">
            <dt>{t('dashboard.role')}</dt>
            <dd>
              <span className={`role-badge role-badge--${user.role}`} data-testid="dashboard-role">
                {t(`roles.${user.role}`)}
              </span>
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t('dashboard.localTime')}</dt>
            <dd>
              <LocalTime />
              <span className="facts__note">
                {t('dashboard.timeZone', { timeZone: user.timeZone })}
              </span>
            </dd>
          </div>
        </dl>
        <TimeZoneHint timeZone={user.timeZone} />
      </header>
      <RoleCards role={user.role} />
    </div>
  );
};
