import { NOTIFICATION_TYPES } from '@coachhub/shared/notification';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { accessToken } from '@/lib/access-token';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRequest, FakeRoutes } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

let api: ReturnType<typeof installFakeApi> | undefined;
/** The page also loads the e-mail settings (their own tests are beside their form). */
const fakeApi = (routes: FakeRoutes) => {
  api = installFakeApi({
    'GET /users/me/notification-preferences': () => ({
      status: 200,
      data: { email: Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, true])) },
    }),
    ...routes,
  });
  return api;
};
afterEach(() => {
  api = undefined;
});

const sent = (requests: FakeRequest[]) => requests.filter((request) => request.method !== 'GET');

const openSettings = async () => {
  api ??= fakeApi({});
  const view = renderApp({ url: '/account', user: makeUser() });
  await screen.findByRole('heading', { level: 1, name: 'Account settings' });
  return view;
};

describe('AccountSettingsPage', () => {
  it('saves names, language and time zone, and the rest of the app follows', async () => {
    const { requests } = fakeApi({
      'PATCH /users/me': (request) => ({
        status: 200,
        data: makeUser({ ...(request.body as object), updatedAt: '2026-02-01T00:00:00.000Z' }),
      }),
    });
    const { user } = await openSettings();
    const profile = screen.getByRole('form', { name: 'Profile' });

    const firstName = within(profile).getByLabelText('First name');
    await user.clear(firstName);
    await user.type(firstName, 'Augusta');
    await user.selectOptions(within(profile).getByLabelText('Time zone'), 'America/New_York');
    await user.selectOptions(within(profile).getByLabelText('Language'), 'de');
    await user.click(within(profile).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Dein Profil wurde gespeichert.')).toBeInTheDocument();
    expect(sent(requests)[0]?.body).toEqual({
      firstName: 'Augusta',
      lastName: 'Lovelace',
      locale: 'de',
      timeZone: 'America/New_York',
    });
    expect(screen.getByTestId('current-user')).toHaveTextContent('Augusta');
    expect(screen.getByRole('heading', { level: 1, name: 'Kontoeinstellungen' })).toBeVisible();
  });

  it('offers every time zone the browser knows', async () => {
    await openSettings();
    const zone = screen.getByLabelText('Time zone');
    expect(zone).toHaveValue('Europe/Berlin');
    expect(within(zone).getByRole('option', { name: 'America/New York' })).toHaveValue(
      'America/New_York',
    );
  });

  it('validates the password change before sending it', async () => {
    const { user } = await openSettings();
    const form = screen.getByRole('form', { name: 'Change password' });

    await user.type(within(form).getByLabelText('Current password'), 'old password 1');
    await user.type(within(form).getByLabelText('New password'), 'brand new password');
    await user.type(within(form).getByLabelText('Confirm new password'), 'brand new passw0rd');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));

    const confirm = within(form).getByLabelText('Confirm new password');
    expect(confirm).toHaveAccessibleDescription('The passwords do not match.');
    expect(confirm).toHaveFocus();
  });

  it('keeps the user signed in with the fresh token the password change returns', async () => {
    const { requests } = fakeApi({
      'POST /users/me/password': () => ({ status: 200, data: { accessToken: 'after-change' } }),
    });
    const { user } = await openSettings();
    const form = screen.getByRole('form', { name: 'Change password' });

    await user.type(within(form).getByLabelText('Current password'), 'old password 1');
    await user.type(within(form).getByLabelText('New password'), 'brand new password');
    await user.type(within(form).getByLabelText('Confirm new password'), 'brand new password');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));

    expect(await within(form).findByRole('status')).toHaveTextContent(
      'Your password has been changed. Other devices have been signed out.',
    );
    expect(sent(requests)[0]?.body).toEqual({
      currentPassword: 'old password 1',
      newPassword: 'brand new password',
    });
    expect(accessToken.get()).toBe('after-change');
    expect(within(form).getByLabelText('New password')).toHaveValue('');
  });

  it('puts a wrong current password next to that field', async () => {
    fakeApi({ 'POST /users/me/password': () => apiErrorReply(400, 'WRONG_PASSWORD') });
    const { user } = await openSettings();
    const form = screen.getByRole('form', { name: 'Change password' });

    await user.type(within(form).getByLabelText('Current password'), 'not my password');
    await user.type(within(form).getByLabelText('New password'), 'brand new password');
    await user.type(within(form).getByLabelText('Confirm new password'), 'brand new password');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));

    const current = within(form).getByLabelText('Current password');
    expect(await within(form).findByText('Your current password is incorrect.')).toBeVisible();
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveFocus();
  });
});
