import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeAdminUser } from '@/testing/admin-fixtures';
import { apiErrorReply } from '@/testing/fake-api';
import { makePage } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

import { adminUser, withFakeAdminApi } from './admin-test-api';

const fakeApi = withFakeAdminApi();

const max = makeAdminUser({
  _id: 'user-9',
  firstName: 'Max',
  lastName: 'Spam',
  email: 'max@example.com',
});

describe('AdminUsersPage', () => {
  it('asks the server with the search params of the URL and writes changes back into it', async () => {
    const { requests } = fakeApi({
      'GET /admin/users': () => ({ status: 200, data: makePage([max], { limit: 20 }) }),
    });
    const { user, router } = renderApp({
      url: '/admin/users?q=max&role=client&sort=name&page=2',
      user: adminUser,
    });

    expect(await screen.findByTestId('admin-user')).toHaveTextContent('Max Spam');
    expect(requests[0]?.params).toEqual({
      q: 'max',
      role: 'client',
      sort: 'name',
      page: 2,
      limit: 20,
    });
    expect(screen.getByRole('searchbox', { name: 'Name or e-mail' })).toHaveValue('max');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'suspended');
    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=max&role=client&sort=name&status=suspended'),
    );
    await waitFor(() =>
      expect(requests.at(-1)?.params).toEqual({
        q: 'max',
        role: 'client',
        status: 'suspended',
        sort: 'name',
        page: 1,
        limit: 20,
      }),
    );

    const search = screen.getByRole('searchbox', { name: 'Name or e-mail' });
    await user.clear(search);
    await user.type(search, 'ada{Enter}');
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('q')).toBe('ada'),
    );
  });

  it('asks before suspending, with a reason, and sends it only on confirmation', async () => {
    const { requests } = fakeApi({
      'GET /admin/users': () => ({ status: 200, data: makePage([max], { limit: 20 }) }),
      'POST /admin/users/user-9/suspend': () => ({
        status: 200,
        data: { ...max, status: 'suspended' },
      }),
    });
    const { user } = renderApp({ url: '/admin/users', user: adminUser });
    await user.click(await screen.findByRole('button', { name: 'Suspend Max Spam' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Suspend Max Spam?' });
    expect(dialog).toHaveAccessibleDescription(/signed out everywhere/);
    expect(within(dialog).getByRole('textbox', { name: 'Reason' })).toHaveFocus();

    // Without a reason nothing is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Suspend account' }));
    expect(within(dialog).getByText('Write a reason first.')).toBeVisible();
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    // Escape keeps the account as it is.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Suspend Max Spam' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Suspend Max Spam' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Spam messages');
    await user.click(screen.getByRole('button', { name: 'Suspend account' }));
    expect(await screen.findByText('The account has been suspended.')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      reason: 'Spam messages',
    });
  });

  it('says why a warning failed inside the dialog and keeps it open', async () => {
    fakeApi({
      'GET /admin/users': () => ({ status: 200, data: makePage([max], { limit: 20 }) }),
      'POST /admin/users/user-9/warn': () => apiErrorReply(404, 'NOT_FOUND'),
    });
    const { user } = renderApp({ url: '/admin/users', user: adminUser });
    await user.click(await screen.findByRole('button', { name: 'Warn Max Spam' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Be kind');
    await user.click(screen.getByRole('button', { name: 'Send warning' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Warn Max Spam?' });
    expect(await within(dialog).findByRole('alert')).toBeVisible();
  });
});
