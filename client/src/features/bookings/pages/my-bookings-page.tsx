import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { buttonClassName } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth/session';

import { BookingCardSlotsContext } from '../components/list/booking-card-slots';
import type { BookingCardSlots } from '../components/list/booking-card-slots';
import { BookingsBrowser } from '../components/list/bookings-browser';
import './booking-pages.css';

/**
 * `/bookings`: a client's sessions; a coach sees their clients' bookings and their own. Parts of
 * the cards from other features come in through `slots`, a notice above the list (a cancelled
 * checkout) through `notice` (app/routes/my-bookings-route.tsx).
 */
export const MyBookingsPage = ({
  slots = {},
  notice,
}: {
  slots?: BookingCardSlots;
  notice?: ReactNode;
}) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isCoach = user?.role === 'coach';
  return (
    <div className="bookings-page">
      <PageTitle title={t('bookings.title')} />
      <header className="page-header">
        <h1>{t('bookings.title')}</h1>
        <p className="page-header__lead">{t(isCoach ? 'bookings.leadCoach' : 'bookings.lead')}</p>
        <p>
          <Link to={paths.app.packages.getHref()}>{t('bookings.packagesLink')}</Link>
        </p>
      </header>
      {notice}
      <BookingCardSlotsContext.Provider value={slots}>
        <BookingsBrowser
          defaultRole={isCoach ? 'coach' : 'client'}
          roleSwitchable={isCoach}
          emptyAction={(role) =>
            role === 'client' && (
              <Link className={buttonClassName('primary')} to={paths.app.coaches.getHref()}>
                {t('bookings.findCoach')}
              </Link>
            )
          }
        />
      </BookingCardSlotsContext.Provider>
    </div>
  );
};
