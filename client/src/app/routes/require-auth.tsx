import { Navigate, Outlet, useLocation } from 'react-router-dom';

import { paths } from '@/config/paths';
import { isLogoutLocation } from '@/lib/auth/logout';
import { useCurrentUser } from '@/lib/auth/session';

/** Sends visitors to the login page, which returns them here once they are signed in. */
export const RequireAuth = () => {
  const user = useCurrentUser();
  const { pathname, search, key } = useLocation();
  if (user) return <Outlet />;
  if (isLogoutLocation(key)) return <Navigate to={paths.home.getHref()} replace />;
  return <Navigate to={paths.auth.login.getHref(`${pathname}${search}`)} replace />;
};
