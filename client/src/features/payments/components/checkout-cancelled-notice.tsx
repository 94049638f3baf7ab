import type { BookingDTO } from '@coachhub/shared/booking';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { formatTime } from '@/lib/format';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useFormatContext } from '@/lib/use-format-context';

import { PayNowButton } from './pay-now-button';
import './payments.css';

interface CheckoutCancelledNoticeProps {
  /** The booking whose checkout was left, as it is now. */
  booking: BookingDTO | undefined;
  /** Why the booking could not be read, if it could not. */
  error: unknown;
  onDismiss: () => void;
}

/**
 * On My bookings after the client left the provider's checkout without paying
 * (`?checkout=cancelled&booking=<id>`): how long the time is still held, and "Pay now".
 */
export const CheckoutCancelledNotice = ({
  booking,
  error,
  onDismiss,
}: CheckoutCancelledNoticeProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const holdUntil =
    booking?.status === 'awaiting_payment' ? booking.payment?.holdExpiresAt : undefined;

  const text = () => {
    if (error) return errorMessage(error);
    if (!booking) return t('payments.cancelled.loading');
    if (holdUntil) return t('payments.cancelled.held', { time: formatTime(holdUntil, format) });
    if (booking.status === 'awaiting_payment') return t('payments.cancelled.heldShort');
    if (booking.status === 'expired' || booking.payment?.status === 'not_paid') {
      return t('payments.cancelled.ended');
    }
    return t('payments.cancelled.done');
  };

  return (
    <section
      className="notice notice--pending checkout-notice"
      aria-labelledby={headingId}
      data-testid="checkout-cancelled"
    >
      <h2 id={headingId}>{t('payments.cancelled.title')}</h2>
      <p role="status">{text()}</p>
      <div className="payment-summary__actions">
        {booking?.status === 'awaiting_payment' && <PayNowButton bookingId={booking._id} />}
        <Button variant="ghost" onClick={onDismiss}>
          {t('payments.cancelled.dismiss')}
        </Button>
      </div>
    </section>
  );
};
