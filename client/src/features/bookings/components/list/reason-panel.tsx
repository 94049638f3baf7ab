import { BOOKING_LIMITS } from '@coachhub/shared/booking';
import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingParty } from '@coachhub/shared/scheduling';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { checkTextLength } from '@/lib/validation';

import { useTransitionBooking } from '../../api/transition-booking';
import { CancellationFeeNotice } from './cancellation-fee-notice';

const REASON_MAX = BOOKING_LIMITS.reasonMax;

interface ReasonPanelProps {
  booking: BookingDTO;
  role: BookingParty;
  action: 'cancel' | 'decline';
  onClose: () => void;
}

/** Declining or cancelling asks first: an optional reason, and for a cancel, the fee it costs. */
export const ReasonPanel = ({ booking, role, action, onClose }: ReasonPanelProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const transition = useTransitionBooking(role);
  const other =
    role === 'client'
      ? `${booking.coach.firstName} ${booking.coach.lastName}`
      : `${booking.client.firstName} ${booking.client.lastName}`;

  useEffect(() => headingRef.current?.focus(), []);

  const problem = checkTextLength(reason, REASON_MAX);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (problem) return;
    transition.mutate({ bookingId: booking._id, action, reason }, { onSuccess: onClose });
  };

  return (
    <form
      className="booking-panel"
      aria-labelledby={headingId}
      noValidate
      onSubmit={submit}
      data-testid={`${action}-panel`}
    >
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t(`bookings.reasonPanel.${action}Title`)}
      </h3>
      {action === 'cancel' && <CancellationFeeNotice booking={booking} role={role} />}
      <TextField
        label={t('bookings.reasonPanel.reason')}
        hint={t('bookings.reasonPanel.reasonHint', { name: other })}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        problem={problem}
        maxLength={REASON_MAX + 50}
      />
      <FormAlert message={transition.error && errorMessage(transition.error)} />
      <div className="form__actions">
        <Button
          type="submit"
          isBusy={transition.isPending}
          busyLabel={t('bookings.reasonPanel.sending')}
        >
          {t(`bookings.reasonPanel.${action}Submit`)}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('bookings.reasonPanel.keep')}
        </Button>
      </div>
    </form>
  );
};
