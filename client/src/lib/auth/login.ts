import type { AuthResponse, LoginRequest } from '@coachhub/shared/auth';
import { isTwoFactorChallenge } from '@coachhub/shared/two-factor';
import type { LoginResponse, TwoFactorLoginRequest } from '@coachhub/shared/two-factor';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { startSession } from './session';

export type LoginInput = LoginRequest;

/** Signed in, or (two-factor sign-in on) a challenge for `completeTwoFactorLogin`. */
export const login = async (input: LoginInput): Promise<LoginResponse> => {
  // A 401 here means wrong credentials, which no token refresh can fix.
  const { data } = await apiClient.post<LoginResponse>('/auth/login', input, {
    skipAuthRefresh: true,
  });
  return data;
};

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (answer) => {
      if (!isTwoFactorChallenge(answer)) startSession(queryClient, answer.user, answer.accessToken);
    },
  });
};

/** The second step: the challenge and a code from the authenticator app, or a recovery code. */
export const completeTwoFactorLogin = async (
  input: TwoFactorLoginRequest,
): Promise<AuthResponse> => {
  const { data } = await apiClient.post<AuthResponse>('/auth/login/two-factor', input, {
    skipAuthRefresh: true,
  });
  return data;
};

export const useTwoFactorLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeTwoFactorLogin,
    onSuccess: ({ user, accessToken }) => startSession(queryClient, user, accessToken),
  });
};
