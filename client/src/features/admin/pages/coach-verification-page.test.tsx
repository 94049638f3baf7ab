import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeReply } from '@/testing/fake-api';
import { makeCoach, makePage, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const pending = (id: string, firstName: string) =>
  makeCoach({
    _id: id,
    firstName,
    verification: { status: 'pending', reason: null, reviewedAt: null },
  });

/** A decision the test answers when it wants, to look at the list in between. */
const held = () => {
  let answer!: (reply: FakeReply) => void;
  const reply = new Promise<FakeReply>((resolve) => {
    answer = resolve;
  });
  return { reply, answer };
};

const admin = makeUser({ _id: 'admin-1', role: 'admin' });

describe('CoachVerificationPage', () => {
  it('removes an approved coach at once and keeps them out once the server agrees', async () => {
    const decision = held();
    let queue = [pending('c1', 'Ada'), pending('c2', 'Bea')];
    const { requests } = installFakeApi({
      'GET /admin/coaches/pending': () => ({ status: 200, data: makePage(queue) }),
      'POST /admin/coaches/c1/approve': async () => {
        const reply = await decision.reply;
        queue = queue.filter((coach) => coach._id !== 'c1');
        return reply;
      },
    });
    const { user } = renderApp({ url: '/admin/coaches', user: admin });
    expect(await screen.findAllByTestId('pending-coach')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Approve: Ada Jensen' }));
    expect(screen.getAllByTestId('pending-coach')).toHaveLength(1);

    decision.answer({ status: 200, data: { ...queue[0], verification: { status: 'approved' } } });
    expect(await screen.findByText('The coach has been approved.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('pending-coach')).toHaveLength(1));
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({});
  });

  it('asks for a reason to reject, and puts the coach back when the rejection fails', async () => {
    const decision = held();
    const { requests } = installFakeApi({
      'GET /admin/coaches/pending': () => ({
        status: 200,
        data: makePage([pending('c1', 'Ada'), pending('c2', 'Bea')]),
      }),
      'POST /admin/coaches/c2/reject': () => decision.reply,
    });
    const { user } = renderApp({ url: '/admin/coaches', user: admin });
    await screen.findAllByTestId('pending-coach');

    await user.click(screen.getByRole('button', { name: 'Reject: Bea Jensen' }));
    const form = screen.getByRole('form', { name: 'Reject: Bea Jensen' });
    await user.click(within(form).getByRole('button', { name: 'Reject coach' }));
    expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription(
      'The coach sees this reason. Give a reason.',
    );
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    await user.type(within(form).getByLabelText('Reason'), 'Please add a real headline');
    await user.click(within(form).getByRole('button', { name: 'Reject coach' }));
    expect(screen.getAllByTestId('pending-coach')).toHaveLength(1);

    decision.answer(apiErrorReply(500, 'INTERNAL_ERROR'));
    expect(await screen.findByText(/The decision could not be saved/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('pending-coach')).toHaveLength(2));
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      reason: 'Please add a real headline',
    });
  });

  it('says when nobody is waiting', async () => {
    installFakeApi({ 'GET /admin/coaches/pending': () => ({ status: 200, data: makePage([]) }) });
    renderApp({ url: '/admin/coaches', user: admin });
    expect(await screen.findByTestId('verification-empty')).toHaveTextContent(
      'No coaches are waiting for verification.',
    );
  });
});
