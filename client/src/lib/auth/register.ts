import type { AuthResponse, RegisterRequest } from '@coachhub/shared/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { startSession } from './session';

export type RegisterInput = RegisterRequest;

export const register = async (input: RegisterInput): Promise<AuthResponse> => {
  const { data } = await apiClient.post<AuthResponse>('/auth/register', input, {
    skipAuthRefresh: true,
  });
  return data;
};

export const useRegister = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: ({ user, accessToken }) => startSession(queryClient, user, accessToken),
  });
};
