import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingParty } from '@coachhub/shared/scheduling';
import { useTranslation } from 'react-i18next';

import { formatDateTime, formatTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';

import { useBookings } from '../../api/get-bookings';
import { BookingStatusBadge } from '../list/booking-status-badge';
import './upcoming-sessions.css';

/** How many sessions a dashboard card lists; the bookings page has the rest. */
export const UPCOMING_SHOWN = 3;

/** Sessions that will still take place: a cancelled or declined one is history already. */
const isAhead = (booking: BookingDTO) =>
  booking.status === 'pending' || booking.status === 'confirmed';

/**
 * The next few sessions of the viewer on one side (`role`), soonest first. Reads the first page
 * of the bookings page's "Upcoming" list, so both share one cache entry and its live updates.
 */
export const UpcomingSessions = ({ role }: { role: BookingParty }) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const bookings = useBookings({ role, scope: 'upcoming', page: 1 });

  if (bookings.isPending) {
    return <p className="upcoming-sessions__note">{t('bookings.upcoming.loading')}</p>;
  }
  if (bookings.isError) {
    return <p className="upcoming-sessions__note">{t('bookings.upcoming.loadFailed')}</p>;
  }
  const ahead = bookings.data.items.filter(isAhead).slice(0, UPCOMING_SHOWN);
  if (ahead.length === 0) {
    return (
      <p className="upcoming-sessions__note" data-testid="upcoming-sessions-empty">
        {t(`bookings.upcoming.empty.${role}`)}
      </p>
    );
  }
  return (
    <ul
      className="upcoming-sessions"
      aria-label={t('bookings.upcoming.label')}
      data-testid="upcoming-sessions"
    >
      {ahead.map((booking) => {
        const other = role === 'client' ? booking.coach : booking.client;
        const name = `${other.firstName} ${other.lastName}`;
        return (
          <li key={booking._id} className="upcoming-sessions__item" data-testid="upcoming-session">
            <time dateTime={booking.start} className="upcoming-sessions__when">
              {formatDateTime(booking.start, format, { dateStyle: 'medium' })},{' '}
              {formatTime(booking.start, format)}
            </time>
            <span className="upcoming-sessions__what">
              {booking.sessionType.title}{' '}
              {t(role === 'client' ? 'bookings.card.withCoach' : 'bookings.card.withClient', {
                name,
              })}
            </span>
            <BookingStatusBadge status={booking.status} />
          </li>
        );
      })}
    </ul>
  );
};
