import type { AvailabilityDTO, UpdateAvailabilityRequest } from '@coachhub/shared/scheduling';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { setAvailabilityData } from './get-availability';
import { invalidateSlots } from './get-slots';

/** The whole availability is replaced at once (`PUT`). */
export type UpdateAvailabilityInput = UpdateAvailabilityRequest;

export const updateAvailability = async (
  userId: string,
  input: UpdateAvailabilityInput,
): Promise<AvailabilityDTO> => {
  const { data } = await apiClient.put<AvailabilityDTO>(
    `/availability/${encodeURIComponent(userId)}`,
    input,
  );
  return data;
};

/** The answer replaces the cached availability; the coach's free slots change with it. */
export const useUpdateAvailability = (userId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateAvailabilityInput) => updateAvailability(userId, input),
    onSuccess: (availability) => {
      setAvailabilityData(queryClient, userId, availability);
      void invalidateSlots(queryClient, userId);
    },
  });
};
