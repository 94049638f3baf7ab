import type { AvailabilityDTO, PublicAvailabilityDTO } from '@coachhub/shared/scheduling';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** The coach themself gets everything; anyone else the public part (zone, hours, terms). */
export type AnyAvailability = AvailabilityDTO | PublicAvailabilityDTO;

export const getAvailability = async (userId: string): Promise<AnyAvailability> => {
  const { data } = await apiClient.get<AnyAvailability>(
    `/availability/${encodeURIComponent(userId)}`,
  );
  return data;
};

export const availabilityQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: ['availability', userId],
    queryFn: () => getAvailability(userId),
  });

/** A coach's hours and booking settings (its cancellation policy included). */
export const useAvailability = (userId: string, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...availabilityQueryOptions(userId), enabled });

/** Whether this is the coach's own, complete availability (overrides, buffers, daily limit). */
export const isFullAvailability = (
  availability: AnyAvailability,
): availability is AvailabilityDTO =>
  'overrides' in availability && 'bufferBeforeMinutes' in availability.settings;

export const setAvailabilityData = (
  queryClient: QueryClient,
  userId: string,
  availability: AvailabilityDTO,
): void => {
  queryClient.setQueryData(availabilityQueryOptions(userId).queryKey, availability);
};
