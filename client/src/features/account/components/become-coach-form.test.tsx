import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import { makeCoach, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const mainNavLinks = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

const openForm = async () => {
  const view = renderApp({ url: '/account', user: makeUser() });
  const form = await screen.findByRole('form', { name: 'Become a coach' });
  return { ...view, form };
};

describe('BecomeCoachForm', () => {
  it('asks for a headline, a specialty and a language before sending anything', async () => {
    const { requests } = installFakeApi({});
    const { user, form } = await openForm();

    // The account's language is ticked to start with; untick it to leave the list empty.
    await user.click(within(form).getByRole('checkbox', { name: 'English' }));
    await user.click(within(form).getByRole('button', { name: 'Become a coach' }));

    const headline = within(form).getByLabelText('Headline');
    expect(headline).toHaveAccessibleDescription(expect.stringContaining('Enter a headline.'));
    expect(headline).toHaveFocus();
    expect(within(form).getByRole('group', { name: 'Specialties' })).toHaveAccessibleDescription(
      'Pick up to 10. Pick at least one specialty.',
    );
    expect(
      within(form).getByRole('group', { name: 'Languages you coach in' }),
    ).toHaveAccessibleDescription('Pick up to 10. Pick at least one language.');
    // Nothing sent (the page's own reads aside).
    expect(requests.filter((request) => request.method !== 'GET')).toHaveLength(0);

    await user.type(headline, 'x'.repeat(121));
    expect(headline).toHaveAccessibleDescription(
      expect.stringContaining('Use at most 120 characters.'),
    );
  });

  it('makes the user a coach: the session, the navigation and a pending notice follow', async () => {
    const { requests } = installFakeApi({
      'POST /users/me/become-coach': () => ({
        status: 201,
        data: {
          user: makeUser({ role: 'coach', updatedAt: '2026-02-01T00:00:00.000Z' }),
          coach: makeCoach({
            _id: 'user-1',
            verification: { status: 'pending', reason: null, reviewedAt: null },
          }),
        },
      }),
    });
    const { user, form } = await openForm();
    expect(mainNavLinks()).toContain('Find a coach');

    await user.type(within(form).getByLabelText('Headline'), '  Career coach for engineers ');
    await user.click(within(form).getByRole('checkbox', { name: 'Leadership' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Career' }));
    await user.click(within(form).getByRole('checkbox', { name: 'German' }));
    await user.click(within(form).getByRole('button', { name: 'Become a coach' }));

    expect(await screen.findByTestId('coach-pending-notice')).toHaveTextContent(
      'Your coach profile is waiting for verification.',
    );
    expect(requests.find((request) => request.method === 'POST')).toMatchObject({
      method: 'POST',
      url: '/users/me/become-coach',
      body: {
        headline: 'Career coach for engineers',
        // In a stable order, whatever order they were ticked in.
        specialties: ['career', 'leadership'],
        languages: ['en', 'de'],
        timeZone: 'Europe/Berlin',
      },
    });
    expect(mainNavLinks()).toEqual([
      'Dashboard',
      'My practice',
      'My figures',
      'My profile',
      'My bookings',
      'Messages',
    ]);
    expect(screen.getByRole('link', { name: 'Edit your coach profile' })).toHaveAttribute(
      'href',
      '/practice/profile',
    );
  });

  it('shows a refusal translated, e.g. when the account already is a coach', async () => {
    installFakeApi({ 'POST /users/me/become-coach': () => apiErrorReply(409, 'CONFLICT') });
    const { user, form } = await openForm();

    await user.type(within(form).getByLabelText('Headline'), 'Career coach');
    await user.click(within(form).getByRole('checkbox', { name: 'Career' }));
    await user.click(within(form).getByRole('button', { name: 'Become a coach' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'This conflicts with a recent change. Please reload and try again.',
    );
  });
});
