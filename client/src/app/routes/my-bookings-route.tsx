import type { BookingDTO } from '@coachhub/shared/booking';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';

import { useBooking } from '@/features/bookings/api/get-booking';
import type { BookingCardSlots } from '@/features/bookings/components/list/booking-card-slots';
import { MyBookingsPage } from '@/features/bookings/pages/my-bookings-page';
import { coachQueryOptions } from '@/features/coaches/api/get-coach';
import { CheckoutCancelledNotice } from '@/features/payments/components/checkout-cancelled-notice';
import { PaymentSummary } from '@/features/payments/components/payment-summary';
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

/** The booking whose checkout the client left unpaid, read as it is now (bookings). */
const CancelledCheckout = ({
  bookingId,
  onDismiss,
}: {
  bookingId: string;
  onDismiss: () => void;
}) => {
  const booking = useBooking(bookingId);
  return (
    <CheckoutCancelledNotice booking={booking.data} error={booking.error} onDismiss={onDismiss} />
  );
};

/**
 * `/bookings` composes the booking list (bookings) with each booking's payment (payments) and the
 * review of each completed session the viewer attended as the client (reviews), which never
 * import each other.
 */
const slots: BookingCardSlots = {
  renderPayment: (booking, role) => <PaymentSummary booking={booking} role={role} />,
  renderFooter: (booking, role) =>
    role === 'client' && booking.status === 'completed' ? (
      <ReviewOfBooking booking={booking} />
    ) : null,
};

export const MyBookingsRoute = () => {
  const [params, setParams] = useSearchParams();
  // The payment provider's cancel_url: `/bookings?checkout=cancelled&booking=<id>`.
  const cancelledBookingId =
    params.get('checkout') === 'cancelled' ? params.get('booking') || null : null;
  const dismiss = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('checkout');
        next.delete('booking');
        return next;
      },
      { replace: true },
    );

  return (
    <MyBookingsPage
      slots={slots}
      notice={
        cancelledBookingId && (
          <CancelledCheckout bookingId={cancelledBookingId} onDismiss={dismiss} />
        )
      }
    />
  );
};
