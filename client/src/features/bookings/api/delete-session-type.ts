import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { invalidatePriceConfig } from './get-price-config';
import { invalidateSessionTypes } from './get-session-types';

export const deleteSessionType = async (id: string): Promise<void> => {
  await apiClient.delete(`/session-types/${encodeURIComponent(id)}`);
};

/** Its special rate goes with it, so the pricing is fetched again too. */
export const useDeleteSessionType = (coachId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSessionType,
    onSettled: () =>
      Promise.all([
        invalidateSessionTypes(queryClient, coachId),
        invalidatePriceConfig(queryClient, coachId),
      ]),
  });
};
