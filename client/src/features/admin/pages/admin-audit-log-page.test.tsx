import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeAuditEntry } from '@/testing/admin-fixtures';
import { makePage } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

import { adminUser, withFakeAdminApi } from './admin-test-api';

const fakeApi = withFakeAdminApi();

describe('AdminAuditLogPage', () => {
  it('filters by action, target and dates from the URL, days read in the admin’s zone', async () => {
    const { requests } = fakeApi({
      'GET /admin/audit-log': () => ({
        status: 200,
        data: makePage([makeAuditEntry()], { limit: 20, total: 41 }),
      }),
    });
    const { user, router } = renderApp({
      url: '/admin/audit-log?action=user.suspend&targetType=user&from=2026-06-01&to=2026-06-30',
      user: adminUser,
    });
    const entry = await screen.findByTestId('audit-entry');
    expect(entry).toHaveTextContent('Ada Admin');
    expect(entry).toHaveTextContent('Suspended an account');
    expect(entry).toHaveTextContent('Spam messages');
    // Berlin is UTC+2 in June: the first of June starts at 22:00 UTC the day before.
    expect(requests[0]?.params).toEqual({
      action: 'user.suspend',
      targetType: 'user',
      from: '2026-05-31T22:00:00.000Z',
      to: '2026-06-30T22:00:00.000Z',
      page: 1,
      limit: 20,
    });

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('page')).toBe('2'),
    );
    await waitFor(() => expect(requests.at(-1)?.params).toMatchObject({ page: 2 }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'review.hide');
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('page')).toBe(null),
    );
    expect(new URLSearchParams(router.state.location.search).get('action')).toBe('review.hide');
  });
});
