import type { BookingDTO } from '@coachhub/shared/booking';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { setBookingData } from '@/features/bookings/api/get-booking';
import { invalidateBookingLists } from '@/features/bookings/api/get-bookings';
import { CheckoutReturnPage } from '@/features/payments/pages/checkout-return-page';

/**
 * `/bookings/checkout-return` composes the payment check (payments) with the booking cache
 * (bookings): the paid booking replaces the cached one, and the lists are read again.
 */
export const CheckoutReturnRoute = () => {
  const queryClient = useQueryClient();
  const onConfirmed = useCallback(
    (booking: BookingDTO) => {
      setBookingData(queryClient, booking);
      void invalidateBookingLists(queryClient);
    },
    [queryClient],
  );
  return <CheckoutReturnPage onConfirmed={onConfirmed} />;
};
