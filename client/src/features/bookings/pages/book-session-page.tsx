import type { CoachProfileDTO } from '@coachhub/shared/booking';
import type { Slot } from '@coachhub/shared/scheduling';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { CoachAvatar } from '@/components/coach/coach-avatar';
import { FormAlert } from '@/components/form/form-alert';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth/session';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useFormatContext } from '@/lib/use-format-context';

import { useAvailability } from '../api/get-availability';
import { BookingConfirm } from '../components/flow/booking-confirm';
import type { BookingFlowSlots } from '../components/flow/booking-flow-slots';
import { BookingSuccess } from '../components/flow/booking-success';
import { SessionTypePicker } from '../components/flow/session-type-picker';
import { SlotPicker } from '../components/slots/slot-picker';
import './booking-pages.css';

/**
 * `/coaches/:userId/book`: session type, then a day and a time in the viewer's zone, then the
 * price and a confirmation. The route loads the coach's profile, which lists the session types
 * a client can book (the active ones), and passes it in, with the parts of other features
 * (paying with a package credit) as `slots`.
 */
export const BookSessionPage = ({
  coach,
  slots = {},
}: {
  coach: CoachProfileDTO;
  slots?: BookingFlowSlots;
}) => {
  const { t } = useTranslation();
  const { timeZone } = useFormatContext();
  const viewer = useCurrentUser();
  const errorMessage = useErrorMessage();
  // The coach's horizon and terms, when the server shares them; booking works without.
  const availability = useAvailability(coach._id);
  const [chosenTypeId, setChosenTypeId] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [slotTaken, setSlotTaken] = useState<unknown>(null);
  const [bookingId, setBookingId] = useState<string | null>(null);
  const takenRef = useRef<HTMLDivElement>(null);
  const name = `${coach.firstName} ${coach.lastName}`;

  useEffect(() => {
    if (slotTaken) takenRef.current?.focus();
  }, [slotTaken]);

  const offered = coach.sessionTypes;
  // One session type needs no choosing.
  const sessionType =
    offered.find((type) => type._id === chosenTypeId) ?? (offered.length === 1 ? offered[0] : null);
  const settings = availability.data?.settings ?? null;

  const header = (
    <header className="page-header book-page__header">
      <PageTitle title={t('booking.titleWith', { name })} />
      <CoachAvatar coach={coach} size="lg" decorative />
      <div>
        <h1>{t('booking.titleWith', { name })}</h1>
        <p className="page-header__lead">
          <Link to={paths.app.coach.getHref(coach._id)}>
            {t('booking.backToProfile', { name })}
          </Link>
        </p>
      </div>
    </header>
  );

  if (viewer?._id === coach._id) {
    return (
      <div className="book-page">
        {header}
        <p className="notice">{t('booking.ownProfile')}</p>
      </div>
    );
  }

  if (bookingId) {
    return (
      <div className="book-page">
        {header}
        <BookingSuccess
          bookingId={bookingId}
          coachName={name}
          onBookAnother={() => {
            setBookingId(null);
            setSlot(null);
          }}
        />
      </div>
    );
  }

  return (
    <div className="book-page" data-testid="book-page">
      {header}
      <section className="panel book-page__step" aria-labelledby="book-type-heading">
        <h2 id="book-type-heading">{t('booking.sessionType.heading')}</h2>
        {offered.length === 0 && (
          <p data-testid="no-session-types">{t('booking.sessionType.none', { name })}</p>
        )}
        {offered.length > 0 && (
          <SessionTypePicker
            sessionTypes={offered}
            selectedId={sessionType?._id ?? null}
            onSelect={(type) => {
              setChosenTypeId(type._id);
              setSlot(null);
              setSlotTaken(null);
            }}
          />
        )}
      </section>
      {sessionType && (
        <section className="panel book-page__step" aria-labelledby="book-time-heading">
          <h2 id="book-time-heading">{t('booking.time.heading')}</h2>
          <FormAlert
            ref={takenRef}
            message={slotTaken ? `${errorMessage(slotTaken)} ${t('booking.time.refreshed')}` : null}
          />
          <SlotPicker
            key={sessionType._id}
            coachId={coach._id}
            coachName={coach.firstName}
            sessionTypeId={sessionType._id}
            timeZone={timeZone}
            maxDaysAhead={settings?.maxDaysAhead}
            selected={slot}
            onSelect={(chosen) => {
              setSlot(chosen);
              setSlotTaken(null);
            }}
          />
        </section>
      )}
      {sessionType && slot && (
        <section className="panel book-page__step" aria-labelledby="booking-confirm-heading">
          <h2 id="booking-confirm-heading">{t('booking.confirm.heading')}</h2>
          <BookingConfirm
            key={`${sessionType._id}|${slot.start}`}
            coachId={coach._id}
            coachName={coach.firstName}
            sessionType={sessionType}
            slot={slot}
            settings={settings}
            onBooked={(booking) => setBookingId(booking._id)}
            onSlotTaken={(error) => {
              setSlot(null);
              setSlotTaken(error);
            }}
            renderPaymentChoice={slots.renderPaymentChoice}
          />
        </section>
      )}
    </div>
  );
};
