import type { UserDTO } from '@coachhub/shared/user';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';

import { createQueryClient } from '@/app/query-client';
import { appRoutes } from '@/app/routes';
import { accessToken } from '@/lib/access-token';
import { setSessionUser } from '@/lib/auth/session';

interface RenderAppOptions {
  /** Where the app opens. */
  url?: string;
  /** The signed-in user, or null for a visitor; the session is then already known. */
  user?: UserDTO | null;
}

/**
 * Renders the real route table (layout, guards, lazy pages) in memory, with the session
 * already decided so no refresh call is made. The socket is not started: it needs a server.
 */
export const renderApp = ({ url = '/', user = null }: RenderAppOptions = {}) => {
  const queryClient = createQueryClient();
  setSessionUser(queryClient, user);
  if (user) accessToken.set('test-access-token');
  const router = createMemoryRouter(appRoutes, { initialEntries: [url] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient, user: userEvent.setup() };
};
