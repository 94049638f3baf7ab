import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { buttonClassName, Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';

import { useBooking } from '../../api/get-booking';
import { useBookingCardSlots } from '../list/booking-card-slots';
import { BookingStatusBadge } from '../list/booking-status-badge';
import { IcsDownloadButton } from '../list/ics-download-button';

interface BookingSuccessProps {
  bookingId: string;
  coachName: string;
  onBookAnother: () => void;
}

/**
 * What was booked, and whether it waits for the coach. The booking is the cached one, which the
 * socket keeps current: a confirmation arriving while this is open shows at once.
 */
export const BookingSuccess = ({ bookingId, coachName, onBookAnother }: BookingSuccessProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const booking = useBooking(bookingId);
  const { renderPayment } = useBookingCardSlots();
  if (!booking.data) return null;
  const { status, start, sessionType, meetingUrl } = booking.data;
  const confirmed = status === 'confirmed';

  return (
    <section
      className="panel booking-success"
      aria-labelledby="booking-success-heading"
      data-testid="booking-success"
      data-booking-id={bookingId}
      data-status={status}
    >
      <h2 id="booking-success-heading" tabIndex={-1}>
        {t(confirmed ? 'booking.success.confirmedTitle' : 'booking.success.pendingTitle')}
      </h2>
      <p>
        <BookingStatusBadge status={status} />
      </p>
      <p data-testid="booking-success-when">
        {t('booking.confirm.summary', {
          title: sessionType.title,
          date: formatDateTime(start, format, { dateStyle: 'full', timeStyle: 'short' }),
        })}
      </p>
      <p role="status">
        {confirmed
          ? t('booking.success.confirmedText')
          : t('booking.success.pendingText', { name: coachName })}
      </p>
      {renderPayment?.(booking.data, 'client')}
      {confirmed && meetingUrl && (
        <p>
          <a href={meetingUrl} target="_blank" rel="noreferrer">
            {t('bookings.card.meeting')}
          </a>
        </p>
      )}
      <div className="form__actions">
        <Link className={buttonClassName('primary')} to={paths.app.bookings.getHref()}>
          {t('booking.success.myBookings')}
        </Link>
        {confirmed && <IcsDownloadButton bookingId={bookingId} />}
        <Button variant="secondary" onClick={onBookAnother}>
          {t('booking.success.bookAnother')}
        </Button>
      </div>
    </section>
  );
};
