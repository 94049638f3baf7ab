import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

import { notify } from '@/components/notifications/notifications-store';
import { paths } from '@/config/paths';
import { clearSession } from '@/lib/auth/session';
import { sessionEvents } from '@/lib/session-events';

const AUTH_PAGES: readonly string[] = [paths.auth.login.path, paths.auth.register.path];

/**
 * When the HTTP client or the socket reports that the session is over (refresh refused,
 * account suspended), forget the user's data, say why, and go to the login page, which
 * brings the user back here after signing in again.
 */
export const useSessionEndedRedirect = (): void => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();

  useEffect(
    () =>
      sessionEvents.onEnded((reason) => {
        clearSession(queryClient);
        notify(
          reason === 'suspended' ? 'error' : 'info',
          reason === 'suspended' ? 'session.suspended' : 'session.expired',
        );
        if (AUTH_PAGES.includes(pathname)) return;
        const comeBackTo = reason === 'suspended' ? null : `${pathname}${search}`;
        void navigate(paths.auth.login.getHref(comeBackTo), { replace: true });
      }),
    [queryClient, navigate, pathname, search],
  );
};
