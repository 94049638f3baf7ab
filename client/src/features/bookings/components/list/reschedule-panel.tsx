import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingParty, Slot } from '@coachhub/shared/scheduling';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useFormatContext } from '@/lib/use-format-context';

import { isSlotTaken } from '../../api/create-booking';
import { useRescheduleBooking } from '../../api/reschedule-booking';
import { SlotPicker } from '../slots/slot-picker';

interface ReschedulePanelProps {
  booking: BookingDTO;
  role: BookingParty;
  onClose: () => void;
}

/** The same calendar as for booking, to move a session to another free time. */
export const ReschedulePanel = ({ booking, role, onClose }: ReschedulePanelProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [taken, setTaken] = useState<unknown>(null);
  const reschedule = useRescheduleBooking(role);
  const when = (instant: string) =>
    formatDateTime(instant, format, { dateStyle: 'full', timeStyle: 'short' });

  useEffect(() => headingRef.current?.focus(), []);

  const move = () => {
    if (!slot) return;
    reschedule.mutate(
      { bookingId: booking._id, coachId: booking.coach._id, request: { start: slot.start } },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (!isSlotTaken(error)) return;
          // The slots are fetched again (see the mutation); the stale choice goes.
          setTaken(error);
          setSlot(null);
        },
      },
    );
  };

  const failure = reschedule.error && !isSlotTaken(reschedule.error) ? reschedule.error : null;
  const coachName =
    role === 'client' ? `${booking.coach.firstName} ${booking.coach.lastName}` : t('bookings.you');

  return (
    <section className="booking-panel" aria-labelledby={headingId} data-testid="reschedule-panel">
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('bookings.reschedule.title')}
      </h3>
      <p>{t('bookings.reschedule.current', { date: when(booking.start) })}</p>
      <FormAlert message={taken ? errorMessage(taken) : null} />
      <SlotPicker
        coachId={booking.coach._id}
        coachName={coachName}
        sessionTypeId={booking.sessionType._id}
        timeZone={format.timeZone}
        selected={slot}
        onSelect={(chosen) => {
          setSlot(chosen);
          setTaken(null);
          reschedule.reset();
        }}
      />
      <FormAlert message={failure && errorMessage(failure)} />
      <div className="form__actions">
        <Button
          onClick={move}
          disabled={!slot}
          isBusy={reschedule.isPending}
          busyLabel={t('bookings.reschedule.moving')}
          data-testid="confirm-reschedule"
        >
          {slot
            ? t('bookings.reschedule.submit', { date: when(slot.start) })
            : t('bookings.reschedule.pick')}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('bookings.reschedule.keep')}
        </Button>
      </div>
    </section>
  );
};
