import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { accessToken } from '@/lib/access-token';
import { i18n } from '@/lib/i18n/i18n';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const openLogin = async (url = '/login') => {
  const view = renderApp({ url });
  const form = await screen.findByRole('form', { name: 'Log in' });
  return { ...view, form };
};

describe('LoginForm', () => {
  it('explains empty fields next to them and focuses the first', async () => {
    const { user } = await openLogin();

    await user.click(screen.getByRole('button', { name: 'Log in' }));

    const email = screen.getByLabelText('Email');
    const password = screen.getByLabelText('Password');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your email address.');
    expect(password).toHaveAccessibleDescription('Enter your password.');
    expect(email).toHaveFocus();
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'Enter your email address.',
      'Enter your password.',
    ]);
  });

  it('rejects a malformed email and clears the message once it is fixed', async () => {
    const { user } = await openLogin();
    const email = screen.getByLabelText('Email');

    await user.type(email, 'ada.example.com');
    await user.type(screen.getByLabelText('Password'), 'secret-password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(email).toHaveAccessibleDescription(
      'Enter a valid email address, like name@example.com.',
    );

    await user.clear(email);
    await user.type(email, 'ada@example.com');
    expect(email).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('signs in, stores the token in memory and returns to the page that asked for login', async () => {
    const ada = makeUser();
    const { requests } = installFakeApi({
      'POST /auth/login': () => ({ status: 200, data: { user: ada, accessToken: 'fresh-token' } }),
    });
    const { user, router } = await openLogin('/login?redirectTo=%2Faccount');

    await user.type(screen.getByLabelText('Email'), ' ada@example.com ');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Account settings' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    expect(requests[0]?.body).toEqual({
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
    expect(accessToken.get()).toBe('fresh-token');
    // Only the hint that this browser holds a session is stored, never the token.
    expect({ ...window.localStorage }).toEqual({ 'coachhub:signed-in': '1' });
  });

  it('shows the server error code translated, as an alert that takes focus', async () => {
    const { requests } = installFakeApi({
      'POST /auth/login': () => apiErrorReply(401, 'INVALID_CREDENTIALS', 'Invalid credentials'),
    });
    const { user } = await openLogin();

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The email or password is incorrect.');
    expect(alert).toHaveFocus();
    // A wrong password is not an expired session: no refresh attempt.
    expect(requests.map((request) => request.url)).toEqual(['/auth/login']);
  });

  it('translates rate limiting too', async () => {
    installFakeApi({ 'POST /auth/login': () => apiErrorReply(429, 'RATE_LIMITED') });
    const { user } = await openLogin();

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Please wait a moment and try again.',
    );
  });

  it('says how long to wait when the rate limit tells', async () => {
    installFakeApi({
      'POST /auth/login': () => ({
        status: 429,
        data: {
          error: {
            code: 'RATE_LIMITED',
            message: 'Too many attempts',
            details: { retryAfterSeconds: 600 },
          },
        },
      }),
    });
    const { user } = await openLogin();

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Please try again in 10 minutes.',
    );
  });

  it('speaks German after switching the language', async () => {
    installFakeApi({ 'POST /auth/login': () => apiErrorReply(401, 'INVALID_CREDENTIALS') });
    const { user } = await openLogin();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Choose language' }), 'de');

    const form = await screen.findByRole('form', { name: 'Anmelden' });
    expect(document.documentElement).toHaveAttribute('lang', 'de');
    await user.click(within(form).getByRole('button', { name: 'Anmelden' }));
    expect(screen.getByLabelText('E-Mail')).toHaveAccessibleDescription(
      'Gib deine E-Mail-Adresse ein.',
    );
    expect(screen.getByLabelText('Passwort')).toHaveAccessibleDescription('Gib dein Passwort ein.');

    await user.type(screen.getByLabelText('E-Mail'), 'ada@example.com');
    await user.type(screen.getByLabelText('Passwort'), 'wrong password');
    await user.click(within(form).getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('E-Mail oder Passwort ist falsch.');
  });

  it('re-translates messages already on screen when the language changes', async () => {
    const { user } = await openLogin();
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    await act(() => i18n.changeLanguage('de'));

    expect(screen.getByLabelText('E-Mail')).toHaveAccessibleDescription(
      'Gib deine E-Mail-Adresse ein.',
    );
  });
});
