import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';

import { CoachLoadError } from '@/components/coach/coach-load-error';
import { LoadingScreen } from '@/components/ui/loading-screen';
import type { BookingCardSlots } from '@/features/bookings/components/list/booking-card-slots';
import { BookingCardSlotsContext } from '@/features/bookings/components/list/booking-card-slots';
import type { BookingFlowSlots } from '@/features/bookings/components/flow/booking-flow-slots';
import { BookSessionPage } from '@/features/bookings/pages/book-session-page';
import { useCoach } from '@/features/coaches/api/get-coach';
import { CreditChoice } from '@/features/packages/components/credit-choice';
import { PaymentSummary } from '@/features/payments/components/payment-summary';

/** The booking just made shows how it is paid (payments). */
const slots: BookingCardSlots = {
  renderPayment: (booking, role) => <PaymentSummary booking={booking} role={role} />,
};

/** Paying with a package credit (packages) where the client holds one. */
const flowSlots: BookingFlowSlots = {
  renderPaymentChoice: (choice) => <CreditChoice {...choice} />,
};

/**
 * `/coaches/:userId/book` composes two features: the coach (coaches) and the booking flow
 * (bookings), which never import each other. The coach's profile carries the session types
 * a client can book, so the flow needs no request of its own for them; a profile just seen
 * comes from the cache. The booking made shows its payment (payments).
 */
export const BookSessionRoute = () => {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const coach = useCoach(userId);

  if (coach.isPending) return <LoadingScreen />;
  if (coach.isError) {
    return (
      <CoachLoadError
        query={coach}
        failedHeading={t('booking.loadFailed')}
        pageTitle={t('booking.title')}
      />
    );
  }
  return (
    <BookingCardSlotsContext.Provider value={slots}>
      <BookSessionPage coach={coach.data} slots={flowSlots} />
    </BookingCardSlotsContext.Provider>
  );
};
