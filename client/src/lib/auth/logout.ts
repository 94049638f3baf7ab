import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';

import { apiClient } from '@/lib/api-client';

import { clearSession } from './session';

export const logout = async (): Promise<void> => {
  // The server identifies the session by its cookie; an expired access token must not
  // trigger a refresh just to end the session.
  await apiClient.post('/auth/logout', undefined, { skipAuthRefresh: true });
};

/**
 * The history entry the user logged out on. A protected page's guard renders "no user"
 * before any navigation away can commit; on this entry it sends the user home instead of
 * asking them to log in again. Any later visit has a new key and gets the usual login redirect.
 */
let loggedOutOnLocationKey: string | null = null;

export const isLogoutLocation = (locationKey: string): boolean =>
  locationKey === loggedOutOnLocationKey;

/** Ends the session locally even when the server cannot be reached. */
export const useLogout = ({ onLoggedOut }: { onLoggedOut?: () => void } = {}) => {
  const queryClient = useQueryClient();
  const { key: locationKey } = useLocation();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      loggedOutOnLocationKey = locationKey;
      clearSession(queryClient);
      onLoggedOut?.();
    },
  });
};
