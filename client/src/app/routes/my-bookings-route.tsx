import type { BookingDTO } from '@coachhub/shared/booking';
import { useQueryClient } from '@tanstack/react-query';

import type { BookingCardSlots } from '@/features/bookings/components/list/booking-card-slots';
import { MyBookingsPage } from '@/features/bookings/pages/my-bookings-page';
import { coachQueryOptions } from '@/features/coaches/api/get-coach';
import { BookingReview } from '@/features/reviews/components/booking-review';

/** A new review changes the coach's rating: their cached profile is read again. */
const ReviewOfBooking = ({ booking }: { booking: BookingDTO }) => {
  const queryClient = useQueryClient();
  return (
    <BookingReview
      booking={booking}
      onReviewed={(review) =>
        void queryClient.invalidateQueries({
          queryKey: coachQueryOptions(review.coachId).queryKey,
        })
      }
    />
  );
};

/**
 * `/bookings` composes the booking list (bookings) with the review of each completed session the
 * viewer attended as the client (reviews), which never import each other.
 */
const slots: BookingCardSlots = {
  renderFooter: (booking, role) =>
    role === 'client' && booking.status === 'completed' ? (
      <ReviewOfBooking booking={booking} />
    ) : null,
};

export const MyBookingsRoute = () => <MyBookingsPage slots={slots} />;
