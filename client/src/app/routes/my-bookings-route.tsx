import type { BookingCardSlots } from '@/features/bookings/components/list/booking-card-slots';
import { MyBookingsPage } from '@/features/bookings/pages/my-bookings-page';
import { BookingReview } from '@/features/reviews/components/booking-review';

/**
 * `/bookings` composes the booking list (bookings) with the review of each completed session the
 * viewer attended as the client (reviews), which never import each other.
 */
const slots: BookingCardSlots = {
  renderFooter: (booking, role) =>
    role === 'client' && booking.status === 'completed' ? (
      <BookingReview booking={booking} />
    ) : null,
};

export const MyBookingsRoute = () => <MyBookingsPage slots={slots} />;
