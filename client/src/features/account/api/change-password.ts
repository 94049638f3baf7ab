import type { ChangePasswordRequest, RefreshResponse } from '@coachhub/shared/auth';
import { useMutation } from '@tanstack/react-query';

import { accessToken } from '@/lib/access-token';
import { apiClient } from '@/lib/api-client';

export type ChangePasswordInput = ChangePasswordRequest;

export const changePassword = async (input: ChangePasswordInput): Promise<RefreshResponse> => {
  const { data } = await apiClient.post<RefreshResponse>('/users/me/password', input);
  return data;
};

/**
 * The server revokes every session, this one included, and answers with a fresh token for
 * this tab; storing it keeps the user signed in and reconnects the socket.
 */
export const useChangePassword = () =>
  useMutation({
    mutationFn: changePassword,
    onSuccess: ({ accessToken: token }) => accessToken.set(token),
  });
