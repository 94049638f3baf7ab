import type { BookingPage } from '@coachhub/shared/booking';
import type { NotificationPage } from '@coachhub/shared/notification';
import type { UserDTO } from '@coachhub/shared/user';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';

import { createQueryClient } from '@/app/query-client';
import { appRoutes } from '@/app/routes';
import { bookingsQueryOptions } from '@/features/bookings/api/get-bookings';
import { notificationsQueryOptions } from '@/features/notifications/api/get-notifications';
import { accessToken } from '@/lib/access-token';
import { setSessionUser } from '@/lib/auth/session';

interface RenderAppOptions {
  /** Where the app opens. */
  url?: string;
  /** The signed-in user, or null for a visitor; the session is then already known. */
  user?: UserDTO | null;
  /**
   * What the header's bell shows a signed-in user, known from the start so a page's requests
   * are its own (none by default); null lets the bell ask the API.
   */
  notifications?: NotificationPage | null;
  /**
   * What the dashboard's sessions card lists when the app opens on `/dashboard` (nothing by
   * default, so tests starting there make no booking requests); null lets the card ask the API.
   */
  upcomingSessions?: BookingPage | null;
}

const NO_NOTIFICATIONS: NotificationPage = {
  items: [],
  page: 1,
  limit: 10,
  total: 0,
  unreadCount: 0,
};

const NO_BOOKINGS: BookingPage = { items: [], page: 1, limit: 10, total: 0 };

/**
 * Renders the real route table (layout, guards, lazy pages) in memory, with the session
 * already decided so no refresh call is made (and the bell's notifications known, see below). The socket is not started: it needs a server.
 */
export const renderApp = ({
  url = '/',
  user = null,
  notifications = NO_NOTIFICATIONS,
  upcomingSessions = NO_BOOKINGS,
}: RenderAppOptions = {}) => {
  const queryClient = createQueryClient();
  setSessionUser(queryClient, user);
  if (notifications) queryClient.setQueryData(notificationsQueryOptions().queryKey, notifications);
  if (upcomingSessions && user && user.role !== 'admin' && url.startsWith('/dashboard')) {
    const { queryKey } = bookingsQueryOptions({ role: user.role, scope: 'upcoming', page: 1 });
    queryClient.setQueryData(queryKey, upcomingSessions);
  }
  if (user) accessToken.set('test-access-token');
  const router = createMemoryRouter(appRoutes, { initialEntries: [url] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient, user: userEvent.setup() };
};
