import type { AdminUserDTO } from '@coachhub/shared/admin';
import type { UserDTO } from '@coachhub/shared/user';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';

import { invalidateAdminUsers } from './get-admin-users';

export type UserModeration = 'suspend' | 'reinstate' | 'warn';

export interface UserModerationInput {
  userId: string;
  action: UserModeration;
  reason: string;
}

export const moderateUser = async ({
  userId,
  action,
  reason,
}: UserModerationInput): Promise<UserDTO | AdminUserDTO> => {
  const { data } = await apiClient.post<UserDTO | AdminUserDTO>(
    `/admin/users/${encodeURIComponent(userId)}/${action}`,
    { reason },
  );
  return data;
};

const DONE = {
  suspend: 'admin.users.suspended',
  reinstate: 'admin.users.reinstated',
  warn: 'admin.users.warned',
} as const;

/** Suspends, reinstates or warns; the list is read again (the account may leave a filter). */
export const useModerateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moderateUser,
    onSuccess: (_user, { action }) => notify('success', DONE[action]),
    onSettled: () => invalidateAdminUsers(queryClient),
  });
};
