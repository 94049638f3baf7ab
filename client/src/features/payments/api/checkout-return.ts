import type { BookingDTO } from '@coachhub/shared/booking';
import type { CheckoutReturnRequest } from '@coachhub/shared/payment';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { toApiError } from '@/lib/api-error';

/**
 * The client is back from the checkout: the server reads the checkout back from the provider
 * and, once it is paid, moves the booking on (as the provider's webhook would). Answers the
 * booking; 409 `PAYMENT_NOT_VERIFIED` while the payment is not confirmed yet.
 */
export const confirmCheckoutReturn = async (sessionId: string): Promise<BookingDTO> => {
  const body: CheckoutReturnRequest = { sessionId };
  const { data } = await apiClient.post<BookingDTO>('/payments/checkout-return', body);
  return data;
};

export const isPaymentNotVerified = (error: unknown): boolean =>
  toApiError(error).code === 'PAYMENT_NOT_VERIFIED';

/**
 * A payment is often confirmed a few seconds after the provider sends the client back: the
 * check is asked again a bounded number of times before the page offers to check by hand.
 */
export const CHECKOUT_RETURN_POLLING = { retries: 4, delayMs: 2_000 } as const;

export const checkoutReturnQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: ['payments', 'checkout-return', sessionId],
    queryFn: () => confirmCheckoutReturn(sessionId),
    retry: (failureCount, error) =>
      isPaymentNotVerified(error) && failureCount < CHECKOUT_RETURN_POLLING.retries,
    retryDelay: CHECKOUT_RETURN_POLLING.delayMs,
    // Its answer is the outcome of this return: kept for the page's lifetime, never re-asked.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useCheckoutReturn = (sessionId: string) =>
  useQuery(checkoutReturnQueryOptions(sessionId));
