import { useQuery, useQueryClient } from '@tanstack/react-query';

import { toApiError } from '@/lib/api-error';

import { invalidateOwnPackages } from './get-credits';
import { confirmPackageCheckout } from './purchase-package';
import type { CheckoutReturnInput } from './purchase-package';

/** How often an unconfirmed payment is asked about again, and how long apart. */
export const CHECKOUT_RETURN_RETRIES = 4;
export const CHECKOUT_RETURN_RETRY_MS = 2_000;

export const isPaymentNotVerified = (error: unknown): boolean =>
  toApiError(error).code === 'PAYMENT_NOT_VERIFIED';

/**
 * Tells the server the client is back from the checkout. The provider may confirm the payment a
 * moment after sending the client back (409 `PAYMENT_NOT_VERIFIED` until then), so that answer
 * is asked again a few times; the server's check is safe to repeat. Kept as a query: one request
 * per return, however often the page renders.
 */
export const usePackageCheckoutReturn = (input: CheckoutReturnInput | null) => {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['packages', 'checkout-return', input?.purchaseId, input?.sessionId],
    queryFn: async () => {
      if (!input) throw new Error('No purchase to confirm');
      const purchase = await confirmPackageCheckout(input);
      void invalidateOwnPackages(queryClient);
      return purchase;
    },
    enabled: input !== null,
    staleTime: Infinity,
    retry: (failures, error) => isPaymentNotVerified(error) && failures < CHECKOUT_RETURN_RETRIES,
    retryDelay: CHECKOUT_RETURN_RETRY_MS,
  });
};
