import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { accessToken } from '@/lib/access-token';
import { pretendBrowserTimeZone } from '@/testing/browser-time-zone';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const openRegister = async () => {
  const view = renderApp({ url: '/register' });
  await screen.findByRole('form', { name: 'Create your account' });
  return view;
};

type Typist = Awaited<ReturnType<typeof openRegister>>['user'];

const fillIn = async (user: Typist, labels: Record<string, string>) => {
  for (const [label, value] of Object.entries(labels)) {
    await user.type(screen.getByLabelText(label), value);
  }
};

const validEntries = {
  'First name': 'Ada',
  'Last name': 'Lovelace',
  Email: 'ada@example.com',
  Password: 'analytical-engine',
};

describe('RegisterForm', () => {
  it('names every missing field and focuses the first', async () => {
    const { user } = await openRegister();

    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('First name')).toHaveAccessibleDescription(
      'Enter your first name.',
    );
    expect(screen.getByLabelText('Last name')).toHaveAccessibleDescription('Enter your last name.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'At least 10 characters. Enter your password.',
    );
    expect(screen.getByLabelText('First name')).toHaveFocus();
  });

  it('requires the shared minimum password length', async () => {
    const { user } = await openRegister();

    await fillIn(user, { ...validEntries, Password: 'short' });
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(
      'At least 10 characters. Use at least 10 characters.',
    );
    expect(password).toHaveFocus();
  });

  it("creates the account in the current language and the browser's time zone", async () => {
    pretendBrowserTimeZone('Europe/Berlin');
    const ada = makeUser({ timeZone: 'Europe/Berlin', createdAt: new Date().toISOString() });
    const { requests } = installFakeApi({
      'POST /auth/register': () => ({ status: 201, data: { user: ada, accessToken: 'new-token' } }),
      'GET /bookings': () => ({ status: 200, data: { items: [], page: 1, limit: 10, total: 0 } }),
    });
    const { user, router } = await openRegister();

    await fillIn(user, validEntries);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    // A new account is welcomed, not welcomed back; its zone is the device's, so no offer to switch.
    expect(await screen.findByTestId('dashboard-greeting')).toHaveTextContent('Welcome, Ada!');
    expect(router.state.location.pathname).toBe('/dashboard');
    expect(requests[0]?.body).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      password: 'analytical-engine',
      locale: 'en',
      timeZone: 'Europe/Berlin',
    });
    expect(accessToken.get()).toBe('new-token');
    expect(await screen.findByTestId('upcoming-sessions-empty')).toBeInTheDocument();
    expect(screen.queryByTestId('time-zone-notice')).not.toBeInTheDocument();
  });

  it('puts a taken email next to the email field, translated', async () => {
    installFakeApi({
      'POST /auth/register': () => apiErrorReply(409, 'EMAIL_TAKEN', 'Email already registered'),
    });
    const { user } = await openRegister();

    await fillIn(user, validEntries);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const email = screen.getByLabelText('Email');
    expect(await screen.findByText('An account with this email already exists.')).toBeVisible();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('An account with this email already exists.');
    expect(email).toHaveFocus();

    await user.type(email, 'x');
    expect(email).not.toHaveAttribute('aria-invalid');
  });

  it('shows other server errors as a translated form alert', async () => {
    installFakeApi({
      'POST /auth/register': () => ({
        status: 400,
        data: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Invalid body',
            details: [{ field: 'lastName', location: 'body', message: 'too long' }],
          },
        },
      }),
    });
    const { user } = await openRegister();

    await fillIn(user, validEntries);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(
      await screen.findByText(
        'Some of the information is not valid. Please check the highlighted fields.',
      ),
    ).toHaveAttribute('role', 'alert');
    expect(screen.getByLabelText('Last name')).toHaveAccessibleDescription(
      'This value is not valid.',
    );
  });

  it('works in German and registers the account in German', async () => {
    const { requests } = installFakeApi({
      'POST /auth/register': () => apiErrorReply(422, 'WEAK_PASSWORD'),
    });
    const { user } = await openRegister();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Choose language' }), 'de');
    expect(await screen.findByRole('heading', { name: 'Konto erstellen' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Konto erstellen' }));
    expect(screen.getByLabelText('Vorname')).toHaveAccessibleDescription(
      'Gib deinen Vornamen ein.',
    );

    await fillIn(user, {
      Vorname: 'Ada',
      Nachname: 'Lovelace',
      'E-Mail': 'ada@example.com',
      Passwort: 'password123',
    });
    await user.click(screen.getByRole('button', { name: 'Konto erstellen' }));

    expect(
      await screen.findByText('Dieses Passwort ist zu leicht zu erraten. Wähle ein stärkeres.'),
    ).toBeVisible();
    expect(requests[0]?.body).toMatchObject({ locale: 'de' });
    expect(window.localStorage.getItem('coachhub.locale')).toBe('de');
  });
});
