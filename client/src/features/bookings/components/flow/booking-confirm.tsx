import { BOOKING_LIMITS } from '@coachhub/shared/booking';
import type { BookingDTO, SessionTypeDTO } from '@coachhub/shared/booking';
import type { PublicBookingSettings, Slot } from '@coachhub/shared/scheduling';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { TextAreaField } from '@/components/form/text-area-field';
import { Button } from '@/components/ui/button';
import { browserLocation } from '@/lib/browser-location';
import { formatDateTime } from '@/lib/format';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useFormatContext } from '@/lib/use-format-context';
import { checkTextLength } from '@/lib/validation';

import {
  isPaymentUnavailable,
  isSlotTaken,
  newIdempotencyKey,
  useCreateBooking,
} from '../../api/create-booking';
import { useQuote } from '../../api/get-quote';
import { attemptFor } from './booking-attempt';
import type { BookingAttempt } from './booking-attempt';
import type { BookingFlowSlots } from './booking-flow-slots';
import { QuoteSummary } from './quote-summary';

const BOOKING_NOTES_MAX = BOOKING_LIMITS.notesMax;

interface BookingConfirmProps {
  coachId: string;
  coachName: string;
  sessionType: SessionTypeDTO;
  slot: Slot;
  /** The coach's settings when known: approval and cancellation terms are stated up front. */
  settings: PublicBookingSettings | null;
  onBooked: (booking: BookingDTO) => void;
  /** Someone else took the time, or it is no longer offered. */
  onSlotTaken: (error: unknown) => void;
  /** Paying with a package credit instead, when the client holds one (another feature). */
  renderPaymentChoice?: BookingFlowSlots['renderPaymentChoice'];
}

/** The chosen session and time, its price, optional notes, and the button that books. */
export const BookingConfirm = ({
  coachId,
  coachName,
  sessionType,
  slot,
  settings,
  onBooked,
  onSlotTaken,
  renderPaymentChoice,
}: BookingConfirmProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const errorMessage = useErrorMessage();
  const [notes, setNotes] = useState('');
  const [notesChecked, setNotesChecked] = useState(false);
  const [useCredit, setUseCredit] = useState(false);
  const [leavingToPay, setLeavingToPay] = useState(false);
  const attempt = useRef<BookingAttempt | null>(null);
  const quote = useQuote({ coachId, sessionTypeId: sessionType._id, start: slot.start });
  const createBooking = useCreateBooking();

  const notesProblem = notesChecked ? checkTextLength(notes, BOOKING_NOTES_MAX) : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotesChecked(true);
    if (checkTextLength(notes, BOOKING_NOTES_MAX)) return;
    const trimmed = notes.trim();
    const request = {
      coachId,
      sessionTypeId: sessionType._id,
      start: slot.start,
      ...(trimmed ? { notes: trimmed } : {}),
      ...(useCredit ? { useCredit: true } : {}),
    };
    attempt.current = attemptFor(attempt.current, request, newIdempotencyKey);
    createBooking.mutate(
      { request, idempotencyKey: attempt.current.key },
      {
        onSuccess: ({ booking, checkoutUrl }) => {
          attempt.current = null;
          if (!checkoutUrl) {
            onBooked(booking);
            return;
          }
          // The time is held while the client pays; the provider sends them back to the app.
          setLeavingToPay(true);
          browserLocation.assign(checkoutUrl);
        },
        onError: (error) => {
          if (isPaymentUnavailable(error)) attempt.current = null;
          if (isSlotTaken(error)) onSlotTaken(error);
        },
      },
    );
  };

  const failure =
    createBooking.error && !isSlotTaken(createBooking.error) ? createBooking.error : null;

  return (
    <form
      className="form booking-confirm"
      noValidate
      onSubmit={submit}
      aria-labelledby="booking-confirm-heading"
      data-testid="booking-confirm"
    >
      <p className="booking-confirm__summary" data-testid="booking-summary">
        {t('booking.confirm.summary', {
          title: sessionType.title,
          date: formatDateTime(slot.start, format, { dateStyle: 'full', timeStyle: 'short' }),
        })}
      </p>
      <section aria-labelledby="booking-price-heading" className="booking-confirm__price">
        <h3 id="booking-price-heading">{t('booking.quote.heading')}</h3>
        {quote.isPending && <p role="status">{t('booking.quote.loading')}</p>}
        {quote.isError && (
          <p role="alert" className="field__error">
            {t('booking.quote.failed')} {errorMessage(quote.error)}
          </p>
        )}
        {quote.data && <QuoteSummary quote={quote.data} />}
      </section>
      {renderPaymentChoice?.({
        coachId,
        sessionTypeId: sessionType._id,
        start: slot.start,
        useCredit,
        onUseCreditChange: setUseCredit,
        bookingError: createBooking.error,
      })}
      {settings && (
        <ul className="booking-confirm__terms">
          {settings.requiresApproval && (
            <li>{t('booking.confirm.approvalNote', { name: coachName })}</li>
          )}
          <li>
            {t('booking.confirm.cancellationPolicy', {
              hours: settings.cancellationPolicy.freeUntilHours,
              percent: settings.cancellationPolicy.feePercent,
            })}
          </li>
        </ul>
      )}
      <TextAreaField
        label={t('booking.confirm.notes', { name: coachName })}
        hint={t('booking.confirm.notesHint', { max: BOOKING_NOTES_MAX })}
        rows={3}
        name="notes"
        value={notes}
        onChange={(event) => {
          setNotes(event.target.value);
          if (createBooking.isError) createBooking.reset();
        }}
        problem={notesProblem}
      />
      <FormAlert message={failure && errorMessage(failure)} />
      {leavingToPay && <p role="status">{t('booking.confirm.toCheckout')}</p>}
      <div className="form__actions">
        <Button
          type="submit"
          isBusy={createBooking.isPending || leavingToPay}
          busyLabel={t(leavingToPay ? 'booking.confirm.toCheckout' : 'booking.confirm.submitting')}
          data-testid="confirm-booking"
        >
          {t(
            settings?.requiresApproval ? 'booking.confirm.submitRequest' : 'booking.confirm.submit',
          )}
        </Button>
      </div>
    </form>
  );
};
