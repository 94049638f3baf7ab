import type { BookingCardSlots } from '@/features/bookings/components/list/booking-card-slots';
import { BookingCardSlotsContext } from '@/features/bookings/components/list/booking-card-slots';
import { PracticePage } from '@/features/bookings/pages/practice-page';
import { PaymentSummary } from '@/features/payments/components/payment-summary';

/** The coach's booking cards show each booking's payment (payments), as My bookings does. */
const slots: BookingCardSlots = {
  renderPayment: (booking, role) => <PaymentSummary booking={booking} role={role} />,
};

/** `/practice` composes the coach's practice (bookings) with the payments feature. */
export const PracticeRoute = () => (
  <BookingCardSlotsContext.Provider value={slots}>
    <PracticePage />
  </BookingCardSlotsContext.Provider>
);
