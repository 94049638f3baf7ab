import type { ApproveCoachRequest, CoachDTO } from '@coachhub/shared/coach';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';

import { invalidatePendingCoaches, removePendingCoach } from './get-pending-coaches';

export const approveCoach = async (
  userId: string,
  input: ApproveCoachRequest = {},
): Promise<CoachDTO> => {
  const { data } = await apiClient.post<CoachDTO>(
    `/admin/coaches/${encodeURIComponent(userId)}/approve`,
    input,
  );
  return data;
};

/** Optimistic: the coach leaves the queue at once and comes back if the server says no. */
export const useApproveCoach = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => approveCoach(userId),
    onMutate: (userId) => removePendingCoach(queryClient, userId),
    onError: (_error, _userId, rollback) => {
      rollback?.();
      notify('error', 'admin.coaches.failed');
    },
    onSuccess: () => notify('success', 'admin.coaches.approved'),
    onSettled: () => invalidatePendingCoaches(queryClient),
  });
};
