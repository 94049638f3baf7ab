import type { CoachDTO, UpdateCoachRequest } from '@coachhub/shared/coach';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { setCoachData } from './get-coach';
import { invalidateCoachDirectory } from './get-coaches';

export type UpdateCoachInput = UpdateCoachRequest;

export const updateCoach = async (userId: string, input: UpdateCoachInput): Promise<CoachDTO> => {
  const { data } = await apiClient.patch<CoachDTO>(`/coaches/${encodeURIComponent(userId)}`, input);
  return data;
};

/** The answer is the whole coach: the profile is replaced, the directory refetched when next shown. */
export const useUpdateCoach = (userId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCoachInput) => updateCoach(userId, input),
    onSuccess: (coach) => {
      setCoachData(queryClient, coach);
      void invalidateCoachDirectory(queryClient);
    },
  });
};
