import type { BookingDTO, SessionTypeDTO } from '@coachhub/shared/booking';
import type { CreateProposalRequest } from '@coachhub/shared/conversation';
import type { Slot } from '@coachhub/shared/scheduling';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';

import { useBookings } from '../../api/get-bookings';
import { useSessionTypes } from '../../api/get-session-types';
import { SessionTypePicker } from '../flow/session-type-picker';
import { SlotPicker } from '../slots/slot-picker';
import '../../pages/booking-pages.css';

export interface ProposalPickerProps {
  coachId: string;
  coachName: string;
  /** The other person: their upcoming bookings with the viewer can be moved. */
  partnerId: string;
  viewerIsCoach: boolean;
  busy: boolean;
  onPropose: (request: CreateProposalRequest) => void;
}

type ProposalKind = 'booking' | 'reschedule';

const otherSide = (booking: BookingDTO, viewerIsCoach: boolean) =>
  viewerIsCoach ? booking.client._id : booking.coach._id;

/**
 * What a conversation proposes (the conversations feature sends it): one of the coach's active
 * session types at a free time, or a new free time for one of the two people's upcoming
 * bookings. The same session type cards and slot calendar as the booking flow.
 */
export const ProposalPicker = ({
  coachId,
  coachName,
  partnerId,
  viewerIsCoach,
  busy,
  onPropose,
}: ProposalPickerProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const [kind, setKind] = useState<ProposalKind>('booking');
  const [sessionType, setSessionType] = useState<SessionTypeDTO | null>(null);
  const [booking, setBooking] = useState<BookingDTO | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const sessionTypes = useSessionTypes(coachId);
  const bookings = useBookings({
    role: viewerIsCoach ? 'coach' : 'client',
    scope: 'upcoming',
    page: 1,
  });
  const offered = (sessionTypes.data ?? []).filter((type) => type.active);
  const movable = (bookings.data?.items ?? []).filter(
    (item) =>
      otherSide(item, viewerIsCoach) === partnerId && item.allowedActions.includes('reschedule'),
  );
  const when = (instant: string) =>
    formatDateTime(instant, format, { dateStyle: 'full', timeStyle: 'short' });
  const chosenTypeId = kind === 'booking' ? sessionType?._id : booking?.sessionType._id;

  const choose = (next: ProposalKind) => {
    setKind(next);
    setSlot(null);
  };

  const submit = () => {
    if (!slot) return;
    if (kind === 'booking' && sessionType)
      onPropose({ sessionTypeId: sessionType._id, start: slot.start });
    if (kind === 'reschedule' && booking) onPropose({ bookingId: booking._id, start: slot.start });
  };

  return (
    <div className="proposal-picker" data-testid="proposal-picker">
      <fieldset className="segmented-choice">
        <legend>{t('bookings.proposal.legend')}</legend>
        {(['booking', 'reschedule'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="proposal-kind"
              value={option}
              checked={kind === option}
              onChange={() => choose(option)}
            />{' '}
            {t(`bookings.proposal.kinds.${option}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'booking' && sessionTypes.isPending && <p role="status">{t('bookings.loading')}</p>}
      {kind === 'booking' && sessionTypes.isSuccess && offered.length === 0 && (
        <p>{t('booking.sessionType.none', { name: coachName })}</p>
      )}
      {kind === 'booking' && offered.length > 0 && (
        <SessionTypePicker
          sessionTypes={offered}
          selectedId={sessionType?._id ?? null}
          onSelect={(type) => {
            setSessionType(type);
            setSlot(null);
          }}
        />
      )}
      {kind === 'reschedule' && bookings.isPending && <p role="status">{t('bookings.loading')}</p>}
      {kind === 'reschedule' && bookings.isSuccess && movable.length === 0 && (
        <p>{t('bookings.proposal.noBookings')}</p>
      )}
      {kind === 'reschedule' && movable.length > 0 && (
        <fieldset className="choice-cards">
          <legend>{t('bookings.proposal.whichBooking')}</legend>
          {movable.map((item) => (
            <label key={item._id} className="choice-card">
              <input
                type="radio"
                name="proposal-booking"
                value={item._id}
                checked={booking?._id === item._id}
                onChange={() => {
                  setBooking(item);
                  setSlot(null);
                }}
              />
              <span className="choice-card__body">
                <span className="choice-card__title">{item.sessionType.title}</span>
                <span className="choice-card__meta">{when(item.start)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {chosenTypeId && (
        <SlotPicker
          key={`${kind}:${chosenTypeId}:${booking?._id ?? ''}`}
          coachId={coachId}
          coachName={viewerIsCoach ? t('bookings.you') : coachName}
          sessionTypeId={chosenTypeId}
          timeZone={format.timeZone}
          selected={slot}
          onSelect={setSlot}
        />
      )}
      <div className="form__actions">
        <Button
          onClick={submit}
          disabled={!slot}
          isBusy={busy}
          busyLabel={t('bookings.proposal.sending')}
          data-testid="send-proposal"
        >
          {slot
            ? t('bookings.proposal.submit', { date: when(slot.start) })
            : t('bookings.proposal.pick')}
        </Button>
      </div>
    </div>
  );
};
