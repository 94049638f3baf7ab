import type { BookingParty } from '@coachhub/shared/scheduling';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { useCurrentUser } from '@/lib/auth/session';
import { useCurrentMinute } from '@/lib/use-current-minute';

import { greetingKey } from '../components/greeting';
import { LocalTime } from '../components/local-time';
import { RoleCards } from '../components/role-cards';
import './dashboard-page.css';

interface DashboardPageProps {
  /** Shown under the facts, e.g. the offer to switch to this device's time zone. */
  notice?: ReactNode;
  /** The viewer's upcoming sessions for the sessions card (from the bookings feature). */
  renderSessions?: (as: BookingParty) => ReactNode;
}

/** The signed-in home; `app/routes/dashboard-route.tsx` hands in what other features show. */
export const DashboardPage = ({ notice, renderSessions }: DashboardPageProps) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const now = useCurrentMinute();
  // The route guard renders this page only with a user; null is the instant of a logout.
  if (!user) return null;

  return (
    <div className="dashboard">
      <PageTitle title={t('dashboard.title')} />
      <header className="page-header">
        <h1 data-testid="dashboard-greeting">
          {t(greetingKey(user.createdAt, now), { name: user.firstName })}
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
      </header>
      {notice}
      <RoleCards role={user.role} {...(renderSessions ? { renderSessions } : {})} />
    </div>
  );
};
