import { BOOKING_STATUSES } from '@coachhub/shared/scheduling';
import type { BookingParty } from '@coachhub/shared/scheduling';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';

import { SelectField } from '@/components/form/select-field';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { BOOKINGS_PAGE_SIZE, useBookings } from '../../api/get-bookings';
import { BookingCard } from './booking-card';
import { readBookingFilters, writeBookingFilters } from './booking-filters';
import './bookings.css';

interface BookingsBrowserProps {
  /** The side whose bookings are listed by default. */
  defaultRole: BookingParty;
  /** Coaches can also see the sessions they booked with other coaches. */
  roleSwitchable?: boolean;
  /** Shown when nothing matches, e.g. a link to the directory for a client. */
  emptyAction?: (role: BookingParty) => ReactNode;
}

/** Upcoming and past bookings with a status filter and pages, all kept in the URL. */
export const BookingsBrowser = ({
  defaultRole,
  roleSwitchable = false,
  emptyAction,
}: BookingsBrowserProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const filters = readBookingFilters(params, defaultRole, roleSwitchable);
  const bookings = useBookings(filters);
  const hrefWith = (changes: Parameters<typeof writeBookingFilters>[1]) =>
    `?${writeBookingFilters(params, changes).toString()}`;

  const statusOptions = [
    { value: '', label: t('bookings.status.all') },
    ...BOOKING_STATUSES.map((status) => ({ value: status, label: t(`bookings.status.${status}`) })),
  ];

  return (
    <div className="bookings-browser" data-testid="bookings-browser" data-role={filters.role}>
      <div className="bookings-browser__filters">
        {roleSwitchable && (
          <nav className="segmented" aria-label={t('bookings.roles.label')}>
            {(['coach', 'client'] as const).map((role) => (
              <Link
                key={role}
                to={hrefWith({ as: role })}
                aria-current={filters.role === role ? 'page' : undefined}
                replace
              >
                {t(`bookings.roles.${role}`)}
              </Link>
            ))}
          </nav>
        )}
        <nav className="segmented" aria-label={t('bookings.scopes.label')}>
          {(['upcoming', 'past'] as const).map((scope) => (
            <Link
              key={scope}
              to={hrefWith({ scope: scope === 'upcoming' ? null : scope })}
              aria-current={filters.scope === scope ? 'page' : undefined}
              replace
            >
              {t(`bookings.scopes.${scope}`)}
            </Link>
          ))}
        </nav>
        <SelectField
          label={t('bookings.status.label')}
          options={statusOptions}
          value={filters.status ?? ''}
          onChange={(event) =>
            setParams(writeBookingFilters(params, { status: event.target.value || null }), {
              replace: true,
            })
          }
          className="bookings-browser__status"
        />
      </div>
      {bookings.isPending && <p role="status">{t('bookings.loading')}</p>}
      {bookings.isError && (
        <div role="alert" className="message-page">
          <p>
            {t('bookings.loadFailed')} {errorMessage(bookings.error)}
          </p>
          <Button variant="secondary" onClick={() => void bookings.refetch()}>
            {t('booking.retry')}
          </Button>
        </div>
      )}
      {bookings.data && bookings.data.items.length === 0 && (
        <div className="bookings-browser__empty" data-testid="bookings-empty">
          <p>{t(`bookings.empty.${filters.scope}`)}</p>
          {emptyAction?.(filters.role)}
        </div>
      )}
      {bookings.data && bookings.data.items.length > 0 && (
        <>
          <ul
            className="booking-list"
            aria-label={t(`bookings.scopes.${filters.scope}`)}
            aria-busy={bookings.isPlaceholderData || undefined}
          >
            {bookings.data.items.map((booking) => (
              <li key={booking._id}>
                <BookingCard booking={booking} role={filters.role} />
              </li>
            ))}
          </ul>
          <Pagination
            page={bookings.data.page}
            limit={bookings.data.limit || BOOKINGS_PAGE_SIZE}
            total={bookings.data.total}
            label={t('bookings.pages')}
            onPageChange={(page) =>
              setParams(writeBookingFilters(params, { page: page > 1 ? String(page) : null }))
            }
          />
        </>
      )}
    </div>
  );
};
