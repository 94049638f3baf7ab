import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useRef } from 'react';
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
  const location = useLocation();
  const where = useRef(location);
  useLayoutEffect(() => {
    where.current = location;
  }, [location]);

  // Subscribed while the layout commits, not after the paint: an end reported in between (a
  // refused refresh, a suspension pushed over the socket) would otherwise reach nobody.
  useLayoutEffect(
    () =>
      sessionEvents.onEnded((reason) => {
        const { pathname, search } = where.current;
        clearSession(queryClient);
        notify(
          reason === 'suspended' ? 'error' : 'info',
          reason === 'suspended' ? 'session.suspended' : 'session.expired',
        );
        if (AUTH_PAGES.includes(pathname)) return;
        const comeBackTo = reason === 'suspended' ? null : `${pathname}${search}`;
        void navigate(paths.auth.login.getHref(comeBackTo), { replace: true });
      }),
    [queryClient, navigate],
  );
};
