import { NOTIFICATION_TYPES } from '@coachhub/shared/notification';
import type { NotificationPreferencesDTO, NotificationType } from '@coachhub/shared/notification';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRequest, FakeRoutes } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const PREFERENCES_URL = '/users/me/notification-preferences';

const preferences = (
  off: Partial<Record<NotificationType, false>> = {},
): NotificationPreferencesDTO => ({
  email: {
    ...(Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, true])) as Record<
      NotificationType,
      boolean
    >),
    ...off,
  },
});

/** Stores what is sent and answers it, as the server does. */
const preferencesApi = (stored: NotificationPreferencesDTO, extra: FakeRoutes = {}) =>
  installFakeApi({
    [`GET ${PREFERENCES_URL}`]: () => ({ status: 200, data: stored }),
    [`PUT ${PREFERENCES_URL}`]: (request) => ({ status: 200, data: request.body }),
    ...extra,
  });

const puts = (requests: FakeRequest[]) =>
  requests.filter((request) => request.method === 'PUT' && request.url === PREFERENCES_URL);

const openPreferences = async (role: 'client' | 'coach') => {
  const view = renderApp({ url: '/account', user: makeUser({ role }) });
  const form = await screen.findByRole('form', { name: 'E-mail notifications' });
  return { ...view, form };
};

const legends = (form: HTMLElement) =>
  within(form)
    .getAllByRole('group')
    .map((group) => group.querySelector('legend')?.textContent);

describe('NotificationPreferencesForm', () => {
  it("shows a coach's stored choices in groups and saves a change with every type", async () => {
    const { requests } = preferencesApi(preferences({ 'booking.reminder': false }));
    const { user, form } = await openPreferences('coach');

    expect(
      screen.getByText(/In-app notifications \(the bell at the top\) are always on\./),
    ).toBeVisible();
    expect(legends(form)).toEqual([
      'Booking requests and bookings',
      'Confirmations and declines',
      'Cancellations and reschedules',
      'Reminders',
      'Messages',
      'Warnings, reports and moderation',
      'Reviews',
      'Coach profile decisions',
    ]);
    expect(within(form).getAllByRole('switch')).toHaveLength(NOTIFICATION_TYPES.length);
    expect(
      within(form).getByRole('switch', { name: 'A day and an hour before a session' }),
    ).not.toBeChecked();
    const requested = within(form).getByRole('switch', { name: 'A client asks for a session' });
    expect(requested).toBeChecked();

    await user.click(within(form).getByRole('switch', { name: 'A session is cancelled' }));
    await user.click(within(form).getByRole('button', { name: 'Save e-mail settings' }));

    expect(await within(form).findByRole('status')).toHaveTextContent(
      'Your e-mail settings have been saved.',
    );
    expect(puts(requests).map((request) => request.body)).toEqual([
      preferences({ 'booking.reminder': false, 'booking.cancelled': false }),
    ]);
    expect(within(form).getByRole('switch', { name: 'A session is cancelled' })).not.toBeChecked();

    // The next edit takes the success note away.
    await user.click(requested);
    expect(within(form).queryByRole('status')).not.toBeInTheDocument();
  });

  it('asks a client only about what clients receive and keeps the coach-only choices as stored', async () => {
    const { requests } = preferencesApi(preferences({ 'coach.approved': false }));
    const { user, form } = await openPreferences('client');

    expect(legends(form)).toEqual([
      'Booking requests and bookings',
      'Confirmations and declines',
      'Cancellations and reschedules',
      'Reminders',
      'Messages',
      'Warnings, reports and moderation',
      'Reviews',
    ]);
    expect(
      within(form).getByRole('switch', { name: 'Someone proposes a time in a conversation' }),
    ).toBeChecked();
    expect(
      within(form).getByRole('switch', { name: 'A coach replies to your review' }),
    ).toBeChecked();
    for (const name of [
      'A client asks for a session',
      'A client books a session',
      'A client reviews a session with you',
      'Your coach profile is approved',
      'Your coach profile is not approved',
    ]) {
      expect(within(form).queryByRole('switch', { name })).not.toBeInTheDocument();
    }

    await user.click(
      within(form).getByRole('switch', { name: 'A message arrives while you are offline' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Save e-mail settings' }));

    expect(await within(form).findByRole('status')).toBeInTheDocument();
    expect(puts(requests)[0]?.body).toEqual(
      preferences({ 'coach.approved': false, 'message.received': false }),
    );
  });

  it('shows a failed save in the form and keeps the choice', async () => {
    preferencesApi(preferences(), {
      [`PUT ${PREFERENCES_URL}`]: () => apiErrorReply(500, 'INTERNAL_ERROR'),
    });
    const { user, form } = await openPreferences('client');

    await user.click(
      within(form).getByRole('switch', { name: 'A session is moved to another time' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Save e-mail settings' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on our side. Please try again.');
    expect(alert).toHaveFocus();
    expect(
      within(form).getByRole('switch', { name: 'A session is moved to another time' }),
    ).not.toBeChecked();
  });

  it('says when the preferences cannot be loaded, and loads them on request', async () => {
    let fail = true;
    installFakeApi({
      [`GET ${PREFERENCES_URL}`]: () =>
        fail ? apiErrorReply(403, 'FORBIDDEN') : { status: 200, data: preferences() },
    });
    const { user } = renderApp({ url: '/account', user: makeUser() });
    const section = await screen.findByTestId('notification-preferences');

    expect(await within(section).findByRole('alert')).toHaveTextContent(
      'Your e-mail settings could not be loaded. You are not allowed to do that.',
    );
    fail = false;
    await user.click(within(section).getByRole('button', { name: 'Try again' }));

    expect(
      await within(section).findByRole('form', { name: 'E-mail notifications' }),
    ).toBeInTheDocument();
  });
});
