import type { UpdateMeRequest } from '@coachhub/shared/auth';
import type { UserDTO } from '@coachhub/shared/user';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { setSessionUser } from '@/lib/auth/session';

export type UpdateMeInput = UpdateMeRequest;

export const updateMe = async (input: UpdateMeInput): Promise<UserDTO> => {
  const { data } = await apiClient.patch<UserDTO>('/users/me', input);
  return data;
};

/** The answer is the whole updated user, so the session cache is replaced, not refetched. */
export const useUpdateMe = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => setSessionUser(queryClient, user),
  });
};
