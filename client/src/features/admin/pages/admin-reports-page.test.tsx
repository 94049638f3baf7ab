import type { MessageDTO } from '@coachhub/shared/conversation';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeReport } from '@/testing/admin-fixtures';
import { makePage } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

import { adminUser, withFakeAdminApi } from './admin-test-api';

const fakeApi = withFakeAdminApi();

const message = (id: string, senderId: string, body: string): MessageDTO => ({
  _id: id,
  conversationId: 'conversation-1',
  senderId,
  kind: 'text',
  body,
  image: null,
  proposal: null,
  replyTo: null,
  editedAt: null,
  deleted: false,
  createdAt: '2026-06-02T09:00:00.000Z',
  clientId: null,
});

const people = [
  {
    _id: 'user-2',
    firstName: 'Bea',
    lastName: 'Stone',
    email: 'bea@example.com',
    role: 'client' as const,
    status: 'active' as const,
    profilePicture: null,
  },
  {
    _id: 'user-9',
    firstName: 'Max',
    lastName: 'Spam',
    email: 'max@example.com',
    role: 'coach' as const,
    status: 'active' as const,
    profilePicture: null,
  },
];

const messageReport = makeReport({
  _id: 'report-2',
  targetType: 'message',
  targetId: 'm2',
  reason: 'harassment',
  target: {
    targetType: 'message',
    conversationId: 'conversation-1',
    message: message('m2', 'user-9', 'You will regret this'),
    before: [message('m1', 'user-2', 'Can we move our session?')],
    after: [message('m3', 'user-2', 'Please stop')],
    participants: people,
  },
});

describe('AdminReportsPage', () => {
  it('opens on the open reports and shows a reported message among its neighbours', async () => {
    const { requests } = fakeApi({
      'GET /admin/reports': () => ({ status: 200, data: makePage([messageReport], { limit: 10 }) }),
    });
    renderApp({ url: '/admin/reports', user: adminUser });

    const card = await screen.findByTestId('admin-report');
    expect(requests[0]?.params).toEqual({ status: 'open', page: 1, limit: 10 });
    expect(within(card).getByRole('heading', { name: 'Message: Harassment' })).toBeVisible();
    const conversation = within(card).getByRole('list', {
      name: 'The conversation around the reported message',
    });
    expect(
      within(conversation)
        .getAllByRole('listitem')
        .map((item) => item.dataset.testid),
    ).toEqual(['context-message', 'reported-message', 'context-message']);
    expect(within(card).getByTestId('reported-message')).toHaveTextContent('Max Spam · ');
    expect(within(card).getByTestId('reported-message')).toHaveTextContent('You will regret this');
  });

  it('filters by status and target through the URL', async () => {
    const { requests } = fakeApi({
      'GET /admin/reports': () => ({ status: 200, data: makePage([], { limit: 10 }) }),
    });
    const { user, router } = renderApp({
      url: '/admin/reports?status=dismissed&targetType=review',
      user: adminUser,
    });
    expect(await screen.findByTestId('admin-empty')).toHaveTextContent('No reports here.');
    expect(requests[0]?.params).toEqual({
      status: 'dismissed',
      targetType: 'review',
      page: 1,
      limit: 10,
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'all');
    await waitFor(() => expect(router.state.location.search).toBe('?status=all&targetType=review'));
    await waitFor(() =>
      expect(requests.at(-1)?.params).toEqual({ targetType: 'review', page: 1, limit: 10 }),
    );
  });

  it('closes a report only after confirming the outcome with a note', async () => {
    let queue = [makeReport()];
    const { requests } = fakeApi({
      'GET /admin/reports': () => ({ status: 200, data: makePage(queue, { limit: 10 }) }),
      'POST /admin/reports/report-1/resolve': () => {
        const closed = {
          ...queue[0],
          status: 'resolved',
          resolution: {
            action: 'suspend',
            note: 'Repeated spam',
            by: 'admin-1',
            at: '2026-06-03T10:00:00.000Z',
          },
        };
        queue = [];
        return { status: 200, data: closed };
      },
    });
    const { user } = renderApp({ url: '/admin/reports', user: adminUser });
    await user.click(await screen.findByRole('button', { name: 'Decide' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Close this report?' });
    const outcome = within(dialog).getByRole('combobox', { name: 'Outcome' });
    // A person has no content to hide.
    expect(
      within(outcome)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Dismiss', 'Warn the person', 'Suspend the person']);
    await user.selectOptions(outcome, 'suspend');
    expect(dialog).toHaveAccessibleDescription(
      'The reported person’s account is suspended at once.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Decide' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'suspend');
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Repeated spam');
    await user.click(screen.getByRole('button', { name: 'Close report' }));
    expect(await screen.findByText('The report has been closed.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      action: 'suspend',
      note: 'Repeated spam',
    });
    expect(await screen.findByTestId('admin-empty')).toBeInTheDocument();
  });
});
