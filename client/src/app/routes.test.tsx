import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { accessToken } from '@/lib/access-token';
import { i18n } from '@/lib/i18n/i18n';
import { sessionEvents } from '@/lib/session-events';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const mainNav = () => screen.getByRole('navigation', { name: 'Main' });
const navLinkNames = () =>
  within(mainNav())
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('app routes', () => {
  it('shows visitors the landing page with calls to action', async () => {
    renderApp({ url: '/' });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Find the coach who moves you forward',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Get started for free' })).toHaveAttribute(
      'href',
      '/register',
    );
    expect(screen.getByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(navLinkNames()).toEqual(['Find a coach']);
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
  });

  it('sends a visitor from a protected page to login and back after signing in', async () => {
    installFakeApi({
      'POST /auth/login': () => ({
        status: 200,
        data: { user: makeUser(), accessToken: 'token' },
      }),
    });
    const { user, router } = renderApp({ url: '/dashboard' });

    await screen.findByRole('form', { name: 'Log in' });
    expect(router.state.location.search).toBe('?redirectTo=%2Fdashboard');

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByTestId('dashboard-greeting')).toHaveTextContent('Welcome back, Ada!');
  });

  it('greets the user with their role and local time on the dashboard', async () => {
    renderApp({ url: '/dashboard', user: makeUser({ role: 'coach', firstName: 'Grace' }) });

    expect(await screen.findByTestId('dashboard-greeting')).toHaveTextContent(
      'Welcome back, Grace!',
    );
    expect(screen.getByTestId('dashboard-role')).toHaveTextContent('Coach');
    expect(screen.getByTestId('dashboard-local-time')).toHaveAttribute('datetime');
    expect(screen.getByText('Time zone: Europe/Berlin')).toBeInTheDocument();
    expect(navLinkNames()).toEqual([
      'Dashboard',
      'My practice',
      'My figures',
      'My profile',
      'My bookings',
      'Messages',
    ]);
  });

  it('builds the navigation from the role', async () => {
    renderApp({ url: '/dashboard', user: makeUser({ role: 'admin' }) });
    await screen.findByTestId('dashboard-greeting');
    expect(navLinkNames()).toEqual(['Dashboard', 'Administration', 'Find a coach']);
  });

  it('moves focus to the main region after a navigation, for screen readers', async () => {
    installFakeApi({
      'GET /conversations': () => ({
        status: 200,
        data: { items: [], page: 1, limit: 20, total: 0, unreadTotal: 0 },
      }),
    });
    const { user } = renderApp({ url: '/dashboard', user: makeUser() });
    await screen.findByTestId('dashboard-greeting');

    await user.click(within(mainNav()).getByRole('link', { name: 'Messages' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
    expect(await screen.findByTestId('conversations-empty')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('keeps role pages to their role', async () => {
    renderApp({ url: '/admin', user: makeUser({ role: 'client' }) });
    expect(await screen.findByTestId('forbidden')).toHaveTextContent(
      'Not available for your account',
    );
  });

  it('answers unknown addresses with a not-found page', async () => {
    renderApp({ url: '/no/such/page' });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it('goes to login with a message when the session ends underneath the user', async () => {
    const { router } = renderApp({ url: '/account', user: makeUser() });
    await screen.findByRole('heading', { name: 'Account settings' });

    act(() => sessionEvents.emitEnded('expired'));

    expect(await screen.findByRole('form', { name: 'Log in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?redirectTo=%2Faccount');
    expect(screen.getByTestId('notification')).toHaveTextContent(
      'Your session has expired. Please log in again.',
    );
    expect(screen.queryByTestId('logout-button')).not.toBeInTheDocument();
  });

  it('says so when the account was suspended', async () => {
    renderApp({ url: '/dashboard', user: makeUser() });
    await screen.findByTestId('dashboard-greeting');

    act(() => sessionEvents.emitEnded('suspended'));

    expect(await screen.findByTestId('notification')).toHaveTextContent(
      'Your account has been suspended.',
    );
    expect(await screen.findByRole('form', { name: 'Log in' })).toBeInTheDocument();
  });

  it('logs out on the server and locally, even when the server is unreachable', async () => {
    const { requests } = installFakeApi({ 'POST /auth/logout': () => ({ status: 503 }) });
    const { user, router } = renderApp({ url: '/dashboard', user: makeUser() });
    await screen.findByTestId('dashboard-greeting');

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('link', { name: 'Log in' })).toBeInTheDocument();
    // The header turns to the visitor's at once; the home page may still be loading.
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /auth/logout',
    ]);
    expect(accessToken.get()).toBeNull();
    expect(screen.getByTestId('notification')).toHaveTextContent('You have been logged out.');

    // Only the page the user logged out on sends them home; later visits ask for a login.
    await act(() => router.navigate('/dashboard'));
    expect(await screen.findByRole('form', { name: 'Log in' })).toBeInTheDocument();
  });

  it("saves a signed-in user's language on their account, not in the browser", async () => {
    const { requests } = installFakeApi({
      'PATCH /users/me': (request) => ({
        status: 200,
        data: makeUser({ ...(request.body as object), updatedAt: '2026-02-01T00:00:00.000Z' }),
      }),
    });
    const { user } = renderApp({ url: '/dashboard', user: makeUser() });
    await screen.findByTestId('dashboard-greeting');

    await user.selectOptions(screen.getByTestId('language-switch'), 'de');

    // German arrives as its own chunk: wait for the words, not just the element.
    await waitFor(() =>
      expect(screen.getByTestId('dashboard-greeting')).toHaveTextContent('Willkommen zurück, Ada!'),
    );
    expect(requests[0]).toMatchObject({
      method: 'PATCH',
      url: '/users/me',
      body: { locale: 'de' },
    });
    expect(window.localStorage.getItem('coachhub.locale')).toBeNull();
    expect(screen.getByRole('button', { name: 'Abmelden' })).toBeInTheDocument();
  });

  it("switches to the signed-in user's saved language", async () => {
    renderApp({ url: '/dashboard', user: makeUser({ locale: 'de' }) });
    // German arrives as its own chunk: wait for the words, not just the element.
    await waitFor(() =>
      expect(screen.getByTestId('dashboard-greeting')).toHaveTextContent('Willkommen zurück, Ada!'),
    );
    expect(i18n.language).toBe('de');
  });

  it('restores the language when saving it fails', async () => {
    installFakeApi({ 'PATCH /users/me': () => apiErrorReply(500, 'INTERNAL_ERROR') });
    const { user } = renderApp({ url: '/dashboard', user: makeUser() });
    await screen.findByTestId('dashboard-greeting');

    await user.selectOptions(screen.getByTestId('language-switch'), 'de');

    expect(await screen.findByTestId('notification')).toHaveTextContent(
      'Your language could not be saved. Please try again.',
    );
    expect(screen.getByTestId('dashboard-greeting')).toHaveTextContent('Welcome back, Ada!');
  });
});
