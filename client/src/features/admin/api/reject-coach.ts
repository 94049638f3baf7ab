import type { CoachDTO, RejectCoachRequest } from '@coachhub/shared/coach';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';

import { invalidatePendingCoaches, removePendingCoach } from './get-pending-coaches';

export interface RejectCoachInput extends RejectCoachRequest {
  userId: string;
}

export const rejectCoach = async ({ userId, reason }: RejectCoachInput): Promise<CoachDTO> => {
  const { data } = await apiClient.post<CoachDTO>(
    `/admin/coaches/${encodeURIComponent(userId)}/reject`,
    { reason } satisfies RejectCoachRequest,
  );
  return data;
};

/** Optimistic like approving; the reason goes to the coach and the audit log. */
export const useRejectCoach = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejectCoach,
    onMutate: ({ userId }) => removePendingCoach(queryClient, userId),
    onError: (_error, _input, rollback) => {
      rollback?.();
      notify('error', 'admin.coaches.failed');
    },
    onSuccess: () => notify('success', 'admin.coaches.rejected'),
    onSettled: () => invalidatePendingCoaches(queryClient),
  });
};
