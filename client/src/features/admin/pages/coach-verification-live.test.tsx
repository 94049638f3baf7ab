import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { socket } from '@/lib/socket';
import { installFakeApi } from '@/testing/fake-api';
import { fakeOf } from '@/testing/fake-socket';
import { makeCoach, makePage, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

vi.mock('@/lib/socket', async () => {
  const { createFakeSocket } = await import('@/testing/fake-socket');
  return { socket: createFakeSocket().socket };
});
const fake = fakeOf(socket);

const pending = (id: string, firstName: string) =>
  makeCoach({
    _id: id,
    firstName,
    verification: { status: 'pending', reason: null, reviewedAt: null },
  });

describe('CoachVerificationPage, live', () => {
  it('shows a new applicant without a reload, and drops one another admin decided', async () => {
    let queue = [pending('c1', 'Ada')];
    installFakeApi({
      'GET /admin/coaches/pending': () => ({ status: 200, data: makePage(queue) }),
    });
    renderApp({ url: '/admin/coaches', user: makeUser({ _id: 'admin-1', role: 'admin' }) });
    expect(await screen.findAllByTestId('pending-coach')).toHaveLength(1);

    const applicant = pending('c2', 'Bea');
    queue = [...queue, applicant];
    act(() => fake.fire('coach:verification_changed', { coach: applicant }));
    expect(await screen.findByRole('button', { name: 'Approve: Bea Jensen' })).toBeInTheDocument();
    expect(screen.getAllByTestId('pending-coach')).toHaveLength(2);

    queue = queue.filter((coach) => coach._id !== 'c1');
    act(() => fake.fire('coach:verification_changed', { coach: makeCoach({ _id: 'c1' }) }));
    await waitFor(() => expect(screen.getAllByTestId('pending-coach')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Approve: Ada Jensen' })).not.toBeInTheDocument();
  });
});
