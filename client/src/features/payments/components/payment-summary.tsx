import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingParty } from '@coachhub/shared/scheduling';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';

import { PayNowButton } from './pay-now-button';
import { paymentSummaryText } from './payment-summary-text';
import './payments.css';

/**
 * Where a booking's payment stands (`booking.payment`), a link to its receipt, and for the
 * client of a booking that awaits payment, "Pay now". Nothing for bookings without payment info.
 */
export const PaymentSummary = ({ booking, role }: { booking: BookingDTO; role: BookingParty }) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const { payment } = booking;
  if (!payment) return null;
  // The coach cannot pay for the client, and an ended hold cannot be paid any more.
  const canPay =
    role === 'client' &&
    booking.status === 'awaiting_payment' &&
    payment.status === 'awaiting_payment';
  const date = formatDateTime(booking.start, format, { dateStyle: 'full' });

  return (
    <div
      className="payment-summary"
      data-testid="payment-summary"
      data-status={payment.status}
      data-method={payment.method}
    >
      <p className="payment-summary__text">
        <span className="payment-summary__label">{t('payments.summary.label')}:</span>{' '}
        {paymentSummaryText(payment, t, format)}
      </p>
      <div className="payment-summary__actions">
        {canPay && <PayNowButton bookingId={booking._id} />}
        <Link
          to={paths.app.bookingReceipt.getHref(booking._id)}
          aria-label={t('payments.receiptLinkLabel', { date })}
          data-testid="receipt-link"
        >
          {t('payments.receiptLink')}
        </Link>
      </div>
    </div>
  );
};
