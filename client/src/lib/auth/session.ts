import type { UserDTO } from '@coachhub/shared/user';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { accessToken } from '@/lib/access-token';
import { apiClient, refreshAccessToken } from '@/lib/api-client';
import { toApiError } from '@/lib/api-error';
import { sessionHint } from '@/lib/session-hint';
import { twoFactorSetup } from '@/lib/two-factor-setup';

export const getMe = async (): Promise<UserDTO> => {
  const { data } = await apiClient.get<UserDTO>('/users/me');
  return data;
};

const isSignedOutAnswer = (error: unknown) => {
  const { status } = toApiError(error);
  return status === 401 || status === 403;
};

/**
 * The signed-in user, or null for a visitor. After a reload only the refresh cookie is left,
 * so a missing access token is first renewed, but only when this browser has signed in (the
 * session hint): a visitor's page load asks nothing. A refused cookie means "not signed in"; an
 * unreachable server stays an error, so a network blip does not log anyone out.
 */
export const restoreSession = async (): Promise<UserDTO | null> => {
  if (accessToken.get() === null && !sessionHint.isSet()) return null;
  try {
    if (accessToken.get() === null) await refreshAccessToken();
    return await getMe();
  } catch (error) {
    if (isSignedOutAnswer(error)) return null;
    throw error;
  }
};

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: ['session', 'me'],
    queryFn: restoreSession,
    // Changes arrive through login, logout and profile mutations, never by polling.
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });

export const useSession = () => useQuery(sessionQueryOptions());

/** The signed-in user, null for a visitor or while the session is still being restored. */
export const useCurrentUser = (): UserDTO | null => useSession().data ?? null;

export const setSessionUser = (queryClient: QueryClient, user: UserDTO | null): void => {
  queryClient.setQueryData(sessionQueryOptions().queryKey, user);
};

/** Forgets everything that belonged to the previous user. */
export const clearSession = (queryClient: QueryClient): void => {
  const { queryKey } = sessionQueryOptions();
  accessToken.clear();
  sessionHint.clear();
  twoFactorSetup.clear();
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKey[0] });
  setSessionUser(queryClient, null);
};

/** Stores what login, register and password change answer with. */
export const startSession = (queryClient: QueryClient, user: UserDTO, token: string): void => {
  accessToken.set(token);
  sessionHint.set();
  setSessionUser(queryClient, user);
};
