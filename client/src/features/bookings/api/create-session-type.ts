import type { CreateSessionTypeRequest, SessionTypeDTO } from '@coachhub/shared/booking';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { invalidatePriceConfig } from './get-price-config';
import { invalidateSessionTypes } from './get-session-types';

export type CreateSessionTypeInput = CreateSessionTypeRequest;

export const createSessionType = async (input: CreateSessionTypeInput): Promise<SessionTypeDTO> => {
  const { data } = await apiClient.post<SessionTypeDTO>('/session-types', input);
  return data;
};

/** The list and the pricing (which offers a rate per session type) are fetched again. */
export const useCreateSessionType = (coachId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSessionType,
    onSuccess: () =>
      Promise.all([
        invalidateSessionTypes(queryClient, coachId),
        invalidatePriceConfig(queryClient, coachId),
      ]),
  });
};
