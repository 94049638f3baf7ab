import type { BookingDTO } from '@coachhub/shared/booking';
import { DEFAULT_BOOKING_SETTINGS } from '@coachhub/shared/scheduling';
import type { BookingParty } from '@coachhub/shared/scheduling';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { useCurrentMinute } from '@/lib/use-current-minute';
import { useFormatContext } from '@/lib/use-format-context';

import { useAvailability } from '../../api/get-availability';
import { bookingPolicy, previewCancellationFee } from './cancellation-fee';

/**
 * What cancelling now will cost, said before the user confirms. A client cancelling a confirmed
 * booking needs the booking's policy: the one stored with it, or for an older booking without
 * one the coach's current policy (capped); every other case is free whatever the policy.
 */
export const CancellationFeeNotice = ({
  booking,
  role,
}: {
  booking: BookingDTO;
  role: BookingParty;
}) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const now = useCurrentMinute();
  const needsPolicy =
    role === 'client' && booking.status === 'confirmed' && !booking.cancellationPolicy;
  const availability = useAvailability(booking.coach._id, { enabled: needsPolicy });

  if (needsPolicy && availability.isPending) {
    return <p role="status">{t('bookings.fee.loading')}</p>;
  }
  if (needsPolicy && availability.isError) {
    return <p className="notice">{t('bookings.fee.unknown')}</p>;
  }
  const policy = bookingPolicy(
    booking.cancellationPolicy,
    availability.data?.settings.cancellationPolicy ?? DEFAULT_BOOKING_SETTINGS.cancellationPolicy,
  );
  const preview = previewCancellationFee({
    status: booking.status,
    start: booking.start,
    ...(booking.feeClockStart ? { feeClockStart: booking.feeClockStart } : {}),
    quoted: booking.quote,
    policy,
    by: role,
    now,
  });
  const values = {
    name: `${booking.coach.firstName} ${booking.coach.lastName}`,
    fee: formatMoney(preview.fee, format.locale),
    price: formatMoney(booking.quote, format.locale),
    percent: policy.feePercent,
    hours: policy.freeUntilHours,
    date: preview.freeUntil
      ? formatDateTime(preview.freeUntil, format, { dateStyle: 'medium', timeStyle: 'short' })
      : '',
  };
  const charged = preview.fee.amount > 0;
  return (
    <p
      className={charged ? 'notice notice--pending' : 'notice'}
      data-testid="cancellation-fee"
      data-fee={preview.fee.amount}
    >
      {t(`bookings.fee.${preview.reason}`, values)}
    </p>
  );
};
