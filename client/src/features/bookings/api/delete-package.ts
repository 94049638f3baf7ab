import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';

import { invalidatePriceConfig, removePriceItem } from './get-price-config';

export const deletePackage = async (userId: string, packageId: string): Promise<void> => {
  await apiClient.delete(
    `/prices/config/${encodeURIComponent(userId)}/packages/${encodeURIComponent(packageId)}`,
  );
};

/** Optimistic: the package disappears at once and comes back if the server says no. */
export const useDeletePackage = (userId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (packageId: string) => deletePackage(userId, packageId),
    onMutate: (packageId) => removePriceItem(queryClient, userId, 'packages', packageId),
    onError: (_error, _packageId, rollback) => {
      rollback?.();
      notify('error', 'practice.pricing.packageDeleteFailed');
    },
    onSettled: () => invalidatePriceConfig(queryClient, userId),
  });
};
