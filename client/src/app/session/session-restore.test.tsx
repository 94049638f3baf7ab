import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';

import { createQueryClient } from '@/app/query-client';
import { appRoutes } from '@/app/routes';
import { sessionHint } from '@/lib/session-hint';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import { makePage, makeUser } from '@/testing/fixtures';

let api: ReturnType<typeof installFakeApi> | undefined;

/** The app as a fresh page load opens it: nothing known about the session yet. */
const loadPage = (url: string) => {
  const router = createMemoryRouter(appRoutes, { initialEntries: [url] });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
};

const server = () =>
  installFakeApi({
    'POST /auth/refresh': () =>
      sessionHint.isSet()
        ? { status: 200, data: { accessToken: 'token-2' } }
        : apiErrorReply(401, 'REFRESH_TOKEN_INVALID'),
    'GET /users/me': () => ({ status: 200, data: makeUser() }),
    'GET /notifications': () => ({ status: 200, data: { ...makePage([]), unreadCount: 0 } }),
    'GET /bookings': () => ({ status: 200, data: makePage([]) }),
  });

describe('a page load', () => {
  it('signed out: shows the page without asking the server to refresh', async () => {
    api = server();
    loadPage('/');

    expect(await screen.findByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(api.requests.map((request) => request.url)).not.toContain('/auth/refresh');
  });

  it('signed in: restores the session from the refresh cookie', async () => {
    sessionHint.set();
    api = server();
    loadPage('/dashboard');

    expect(await screen.findByTestId('dashboard-greeting')).toHaveTextContent('Ada');
    expect(api.requests.map((request) => `${request.method} ${request.url}`).slice(0, 2)).toEqual([
      'POST /auth/refresh',
      'GET /users/me',
    ]);
  });
});
