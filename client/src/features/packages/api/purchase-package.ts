import type {
  CheckoutReturnRequest,
  PackagePurchaseDTO,
  PurchasePackageResponse,
} from '@coachhub/shared/payment';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { invalidateOwnPackages } from './get-credits';

export const purchasePackage = async (packageId: string): Promise<PurchasePackageResponse> => {
  const { data } = await apiClient.post<PurchasePackageResponse>(
    `/packages/${encodeURIComponent(packageId)}/purchase`,
  );
  return data;
};

/** Without a checkout (pay the coach directly) the credits exist at once: both lists are read again. */
export const usePurchasePackage = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: purchasePackage,
    onSuccess: () => invalidateOwnPackages(queryClient),
  });
};

export interface CheckoutReturnInput {
  purchaseId: string;
  sessionId: string;
}

/** Back from the provider's checkout: the server checks the payment with the provider. */
export const confirmPackageCheckout = async ({
  purchaseId,
  sessionId,
}: CheckoutReturnInput): Promise<PackagePurchaseDTO> => {
  const { data } = await apiClient.post<{ purchase: PackagePurchaseDTO }>(
    `/packages/purchases/${encodeURIComponent(purchaseId)}/checkout-return`,
    { sessionId } satisfies CheckoutReturnRequest,
  );
  return data.purchase;
};
