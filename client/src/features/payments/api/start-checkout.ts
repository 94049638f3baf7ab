import type { CheckoutBookingResponse } from '@coachhub/shared/payment';
import { useMutation } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { browserLocation } from '@/lib/browser-location';

/** The checkout of a booking that awaits payment, again (a closed tab, a booking from a chat). */
export const startCheckout = async (bookingId: string): Promise<CheckoutBookingResponse> => {
  const { data } = await apiClient.post<CheckoutBookingResponse>(
    `/bookings/${encodeURIComponent(bookingId)}/checkout`,
  );
  return data;
};

/** Opens the booking's checkout: the browser leaves the app for the payment provider's page. */
export const useStartCheckout = () =>
  useMutation({
    mutationFn: startCheckout,
    onSuccess: ({ checkoutUrl }) => browserLocation.assign(checkoutUrl),
  });
