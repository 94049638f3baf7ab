import type { BecomeCoachRequest, BecomeCoachResponse } from '@coachhub/shared/coach';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { setSessionUser } from '@/lib/auth/session';

export type BecomeCoachInput = BecomeCoachRequest;

export const becomeCoach = async (input: BecomeCoachInput): Promise<BecomeCoachResponse> => {
  const { data } = await apiClient.post<BecomeCoachResponse>('/users/me/become-coach', input);
  return data;
};

/**
 * The answer carries the user with the role `coach`: it replaces the session user, so the
 * navigation, guards and dashboard switch to the coach's at once, without a reload.
 */
export const useBecomeCoach = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: becomeCoach,
    onSuccess: ({ user }) => setSessionUser(queryClient, user),
  });
};
