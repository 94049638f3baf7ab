import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { accessToken } from '@/lib/access-token';
import { i18n } from '@/lib/i18n/i18n';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRoutes } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

let api: ReturnType<typeof installFakeApi> | undefined;
const fakeApi = (routes: FakeRoutes) => {
  api = installFakeApi({
    'POST /auth/login': () => ({
      status: 200,
      data: { twoFactorRequired: true, challengeToken: 'challenge-1' },
    }),
    ...routes,
  });
  return api;
};

/** Through the password step to the code step. */
const toCodeStep = async (url = '/login') => {
  const view = renderApp({ url });
  await screen.findByRole('form', { name: 'Log in' });
  await view.user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await view.user.type(screen.getByLabelText('Password'), 'correct horse battery');
  await view.user.click(screen.getByRole('button', { name: 'Log in' }));
  const form = await screen.findByRole('form', { name: 'Two-factor sign-in' });
  return { ...view, form };
};

describe('signing in with two-factor sign-in', () => {
  it('asks for the app’s code after the password, then signs in', async () => {
    const ada = makeUser({ twoFactorEnabled: true });
    const { requests } = fakeApi({
      'POST /auth/login/two-factor': () => ({
        status: 200,
        data: { user: ada, accessToken: 'fresh-token' },
      }),
    });
    const { user, form, router } = await toCodeStep('/login?redirectTo=%2Faccount');

    // No session yet: the password alone is not enough.
    expect(accessToken.get()).toBeNull();
    expect(screen.queryByRole('form', { name: 'Log in' })).not.toBeInTheDocument();
    const code = within(form).getByLabelText('Authentication code');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveFocus();
    expect(
      within(form).getByText('Enter the 6-digit code from your authenticator app.'),
    ).toBeVisible();

    await user.type(code, '123 456');
    await user.click(within(form).getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('heading', { name: 'Account settings' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    expect(requests.find((request) => request.url === '/auth/login/two-factor')?.body).toEqual({
      challengeToken: 'challenge-1',
      code: '123456',
    });
    expect(accessToken.get()).toBe('fresh-token');
  });

  it('checks the code’s shape first, and puts a refused code next to the field', async () => {
    const { requests } = fakeApi({
      'POST /auth/login/two-factor': () => apiErrorReply(401, 'INVALID_TWO_FACTOR_CODE'),
    });
    const { user, form } = await toCodeStep();
    const code = within(form).getByLabelText('Authentication code');

    await user.type(code, '12');
    await user.click(within(form).getByRole('button', { name: 'Verify' }));
    expect(code).toHaveAccessibleDescription('Enter the 6-digit code from your authenticator app.');
    expect(requests.filter((request) => request.url === '/auth/login/two-factor')).toHaveLength(0);

    await user.type(code, '3456');
    await user.click(within(form).getByRole('button', { name: 'Verify' }));
    expect(
      await within(form).findByText('That code is not correct, or it was already used.'),
    ).toBeInTheDocument();
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveFocus();
    expect(accessToken.get()).toBeNull();
  });

  it('takes a recovery code instead', async () => {
    const { requests } = fakeApi({
      'POST /auth/login/two-factor': () => ({
        status: 200,
        data: { user: makeUser({ twoFactorEnabled: true }), accessToken: 'fresh-token' },
      }),
    });
    const { user, form } = await toCodeStep();

    await user.click(within(form).getByRole('button', { name: 'Use a recovery code instead' }));
    const code = within(form).getByLabelText('Recovery code');
    expect(code).not.toHaveAttribute('inputmode');
    await user.type(code, 'k7mqd-4rwzp');
    await user.click(within(form).getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('heading', { name: /Welcome/ })).toBeInTheDocument();
    expect(requests.find((request) => request.url === '/auth/login/two-factor')?.body).toEqual({
      challengeToken: 'challenge-1',
      code: 'k7mqd-4rwzp',
    });
  });

  it('a sign-in that took too long goes back to the password', async () => {
    fakeApi({
      'POST /auth/login/two-factor': () => apiErrorReply(401, 'TWO_FACTOR_CHALLENGE_INVALID'),
    });
    const { user, form } = await toCodeStep();

    await user.type(within(form).getByLabelText('Authentication code'), '123456');
    await user.click(within(form).getByRole('button', { name: 'Verify' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'This sign-in took too long. Please enter your password again.',
    );
    await user.click(within(form).getByRole('button', { name: 'Back to email and password' }));
    expect(screen.getByRole('form', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
  });

  it('speaks German', async () => {
    fakeApi({});
    await i18n.changeLanguage('de');
    const view = renderApp({ url: '/login' });
    await screen.findByRole('form', { name: 'Anmelden' });
    await view.user.type(screen.getByLabelText('E-Mail'), 'ada@example.com');
    await view.user.type(screen.getByLabelText('Passwort'), 'correct horse battery');
    await view.user.click(screen.getByRole('button', { name: 'Anmelden' }));

    const form = await screen.findByRole('form', { name: 'Zwei-Faktor-Anmeldung' });
    expect(within(form).getByLabelText('Bestätigungscode')).toBeInTheDocument();
    expect(
      within(form).getByRole('button', {
        name: 'Stattdessen einen Wiederherstellungscode verwenden',
      }),
    ).toBeInTheDocument();
  });
});
