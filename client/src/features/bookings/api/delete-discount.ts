import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';

import { invalidatePriceConfig, removePriceItem } from './get-price-config';

export const deleteDiscount = async (userId: string, discountId: string): Promise<void> => {
  await apiClient.delete(
    `/prices/config/${encodeURIComponent(userId)}/discounts/${encodeURIComponent(discountId)}`,
  );
};

/** Optimistic: the discount disappears at once and comes back if the server says no. */
export const useDeleteDiscount = (userId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (discountId: string) => deleteDiscount(userId, discountId),
    onMutate: (discountId) => removePriceItem(queryClient, userId, 'discounts', discountId),
    onError: (_error, _discountId, rollback) => {
      rollback?.();
      notify('error', 'practice.pricing.discountDeleteFailed');
    },
    onSettled: () => invalidatePriceConfig(queryClient, userId),
  });
};
