import type { AuthResponse, LoginRequest } from '@coachhub/shared/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { startSession } from './session';

export type LoginInput = LoginRequest;

export const login = async (input: LoginInput): Promise<AuthResponse> => {
  // A 401 here means wrong credentials, which no token refresh can fix.
  const { data } = await apiClient.post<AuthResponse>('/auth/login', input, {
    skipAuthRefresh: true,
  });
  return data;
};

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user, accessToken }) => startSession(queryClient, user, accessToken),
  });
};
