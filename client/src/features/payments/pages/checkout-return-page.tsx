import type { BookingDTO } from '@coachhub/shared/booking';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';

import { Button, buttonClassName } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useFormatContext } from '@/lib/use-format-context';

import { isPaymentNotVerified, useCheckoutReturn } from '../api/checkout-return';
import { PayNowButton } from '../components/pay-now-button';
import '../components/payments.css';

/** Ids as the provider puts them in the return URL; anything else is a broken link. */
const ID_PATTERN = /^[\w-]{1,200}$/;

const MyBookingsLink = ({ variant = 'primary' }: { variant?: 'primary' | 'secondary' }) => {
  const { t } = useTranslation();
  return (
    <Link className={buttonClassName(variant)} to={paths.app.bookings.getHref()}>
      {t('payments.checkoutReturn.myBookings')}
    </Link>
  );
};

const Paid = ({ booking }: { booking: BookingDTO }) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const coachName = `${booking.coach.firstName} ${booking.coach.lastName}`;
  const title =
    booking.status === 'confirmed'
      ? t('payments.checkoutReturn.confirmedTitle')
      : booking.status === 'pending'
        ? t('payments.checkoutReturn.pendingTitle', { name: coachName })
        : t('payments.checkoutReturn.otherTitle');
  return (
    <div className="checkout-return" data-testid="checkout-paid" data-status={booking.status}>
      <h1>{title}</h1>
      <p role="status">
        {booking.status === 'pending'
          ? t('payments.checkoutReturn.pendingText', { name: booking.coach.firstName })
          : t(`bookings.status.${booking.status}`)}
      </p>
      <p>
        {t('booking.confirm.summary', {
          title: booking.sessionType.title,
          date: formatDateTime(booking.start, format, { dateStyle: 'full', timeStyle: 'short' }),
        })}
      </p>
      <div className="form__actions">
        <MyBookingsLink />
        <Link
          className={buttonClassName('secondary')}
          to={paths.app.bookingReceipt.getHref(booking._id)}
        >
          {t('payments.receiptLink')}
        </Link>
      </div>
    </div>
  );
};

const CheckoutReturnStatus = ({
  bookingId,
  sessionId,
  onConfirmed,
}: {
  bookingId: string;
  sessionId: string;
  onConfirmed?: (booking: BookingDTO) => void;
}) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const result = useCheckoutReturn(sessionId);
  const booking = result.data;

  useEffect(() => {
    if (booking) onConfirmed?.(booking);
  }, [booking, onConfirmed]);

  if (booking) return <Paid booking={booking} />;

  // While retrying, the last refusal is the failure reason; once retries are spent, the error.
  const refusal = result.error ?? result.failureReason;
  if (isPaymentNotVerified(refusal)) {
    const gaveUp = result.isError;
    return (
      <div className="checkout-return" data-testid="checkout-waiting">
        <h1>{t('payments.checkoutReturn.waitingTitle')}</h1>
        <p role="status">
          {gaveUp
            ? t('payments.checkoutReturn.waitingGaveUp')
            : t('payments.checkoutReturn.waitingText')}
        </p>
        <div className="form__actions">
          {gaveUp && (
            <Button
              isBusy={result.isFetching}
              busyLabel={t('payments.checkoutReturn.checking')}
              onClick={() => void result.refetch()}
            >
              {t('payments.checkoutReturn.checkAgain')}
            </Button>
          )}
          <PayNowButton bookingId={bookingId} variant="secondary" />
          <MyBookingsLink variant="secondary" />
        </div>
      </div>
    );
  }

  if (result.isError) {
    return (
      <div className="checkout-return" data-testid="checkout-failed">
        <h1>{t('payments.checkoutReturn.failedTitle')}</h1>
        <p role="alert">{errorMessage(result.error)}</p>
        <div className="form__actions">
          <Button
            isBusy={result.isFetching}
            busyLabel={t('payments.checkoutReturn.checking')}
            onClick={() => void result.refetch()}
          >
            {t('booking.retry')}
          </Button>
          <MyBookingsLink variant="secondary" />
        </div>
      </div>
    );
  }

  return (
    <div className="checkout-return">
      <h1>{t('payments.checkoutReturn.title')}</h1>
      <p role="status">{t('payments.checkoutReturn.checking')}</p>
    </div>
  );
};

/**
 * `/bookings/checkout-return?booking=<id>&session_id=<id>`: where the payment provider sends the
 * client after paying. The page asks the server to verify the checkout, waits a little while the
 * payment is not confirmed yet, and says what became of the booking. `onConfirmed` hands the
 * booking to whoever caches bookings (app/routes/checkout-return-route.tsx).
 */
export const CheckoutReturnPage = ({
  onConfirmed,
}: {
  onConfirmed?: (booking: BookingDTO) => void;
}) => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const bookingId = params.get('booking') ?? '';
  const sessionId = params.get('session_id') ?? '';
  const valid = ID_PATTERN.test(bookingId) && ID_PATTERN.test(sessionId);

  return (
    <div className="checkout-return-page">
      <PageTitle title={t('payments.checkoutReturn.title')} />
      {valid ? (
        <CheckoutReturnStatus
          bookingId={bookingId}
          sessionId={sessionId}
          onConfirmed={onConfirmed}
        />
      ) : (
        <div className="checkout-return" data-testid="checkout-bad-link">
          <h1>{t('payments.checkoutReturn.badLinkTitle')}</h1>
          <p role="alert">{t('payments.checkoutReturn.badLinkText')}</p>
          <div className="form__actions">
            <MyBookingsLink />
          </div>
        </div>
      )}
    </div>
  );
};
