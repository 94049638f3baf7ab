import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingParty } from '@coachhub/shared/scheduling';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { CoachAvatar } from '@/components/coach/coach-avatar';
import { paths } from '@/config/paths';
import { formatDateTime, formatTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { useFormatContext } from '@/lib/use-format-context';

import { BookingActions } from './booking-actions';
import { useBookingCardSlots } from './booking-card-slots';
import { BookingStatusBadge } from './booking-status-badge';

/** One booking: when, with whom, what, its state, and what the viewer can do with it. */
export const BookingCard = ({ booking, role }: { booking: BookingDTO; role: BookingParty }) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const headingId = useId();
  const { renderPayment, renderFooter } = useBookingCardSlots();
  const { coach, client, sessionType, status, cancellation } = booking;
  // A client has no coach picture: the avatar falls back to their account picture.
  const other = role === 'client' ? coach : { ...client, coachProfilePicture: null };
  const otherName = `${other.firstName} ${other.lastName}`;
  const date = formatDateTime(booking.start, format, { dateStyle: 'full' });
  const time = `${formatTime(booking.start, format)}–${formatTime(booking.end, format)}`;

  return (
    <article
      className="booking-card"
      aria-labelledby={headingId}
      data-testid="booking-card"
      data-booking-id={booking._id}
      data-status={status}
    >
      <header className="booking-card__head">
        <CoachAvatar coach={other} size="md" decorative />
        <div className="booking-card__title">
          <h3 id={headingId}>
            <time dateTime={booking.start}>
              {date}, {time}
            </time>
          </h3>
          <p className="booking-card__who">
            {role === 'client' ? (
              <Link to={paths.app.coach.getHref(coach._id)}>
                {t('bookings.card.withCoach', { name: otherName })}
              </Link>
            ) : (
              t('bookings.card.withClient', { name: otherName })
            )}
          </p>
        </div>
        <BookingStatusBadge status={status} />
      </header>
      <dl className="booking-card__facts">
        <div>
          <dt>{t('bookings.card.session')}</dt>
          <dd>
            {sessionType.title} · {t('booking.minutes', { count: sessionType.durationMinutes })} ·{' '}
            {t(`booking.modes.${sessionType.mode}`)}
          </dd>
        </div>
        <div>
          <dt>{t('bookings.card.price')}</dt>
          <dd>{formatMoney(booking.quote, format.locale)}</dd>
        </div>
        {booking.notes && (
          <div>
            <dt>{t('bookings.card.notes')}</dt>
            <dd className="booking-card__notes">{booking.notes}</dd>
          </div>
        )}
        {cancellation && (
          <div>
            <dt>{t(`bookings.card.cancelledBy.${cancellation.by}`)}</dt>
            <dd>
              {cancellation.reason && t('bookings.card.reason', { reason: cancellation.reason })}{' '}
              {cancellation.fee.amount > 0 &&
                t('bookings.card.fee', { fee: formatMoney(cancellation.fee, format.locale) })}
            </dd>
          </div>
        )}
      </dl>
      {renderPayment?.(booking, role)}
      {booking.pendingReschedule && (
        <p className="notice notice--pending" data-testid="pending-reschedule">
          {t(`bookings.card.pendingReschedule.${role}`, {
            name: otherName,
            date: `${formatDateTime(booking.pendingReschedule.start, format, { dateStyle: 'full' })}, ${formatTime(booking.pendingReschedule.start, format)}`,
          })}
        </p>
      )}
      {status === 'confirmed' && booking.meetingUrl && (
        <p className="booking-card__meeting">
          <a href={booking.meetingUrl} target="_blank" rel="noreferrer" data-testid="meeting-link">
            {t('bookings.card.meeting')}
          </a>
        </p>
      )}
      <BookingActions booking={booking} role={role} />
      {renderFooter?.(booking, role)}
    </article>
  );
};
