import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeReview } from '@/testing/admin-fixtures';
import { makePage } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

import { adminUser, withFakeAdminApi } from './admin-test-api';

const fakeApi = withFakeAdminApi();
const COACH = '0123456789abcdef01234567';

describe('AdminReviewsPage', () => {
  it('lists with the URL’s filters and hides a review only after confirming with a reason', async () => {
    const { requests } = fakeApi({
      'GET /admin/reviews': () => ({ status: 200, data: makePage([makeReview()], { limit: 20 }) }),
      'POST /admin/reviews/review-1/hide': () => ({
        status: 200,
        data: makeReview({ hiddenAt: '2026-06-03T10:00:00.000Z', hiddenReason: 'Abusive' }),
      }),
    });
    const { user, router } = renderApp({
      url: `/admin/reviews?hidden=false&coachId=${COACH}`,
      user: adminUser,
    });
    const review = await screen.findByTestId('admin-review');
    expect(review).toHaveTextContent('2 of 5 stars');
    expect(requests[0]?.params).toEqual({ hidden: false, coachId: COACH, page: 1, limit: 20 });

    await user.click(within(review).getByRole('button', { name: 'Hide the review by Lena F.' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Hide the review by Lena F.?' });
    expect(dialog).toHaveAccessibleDescription(/no longer counts in their rating/);
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Abusive');
    await user.click(within(dialog).getByRole('button', { name: 'Hide review' }));
    expect(await screen.findByText('The review is hidden.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      reason: 'Abusive',
    });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Shown' }), 'true');
    await waitFor(() => expect(router.state.location.search).toBe(`?hidden=true&coachId=${COACH}`));
  });

  it('offers to restore a hidden review', async () => {
    fakeApi({
      'GET /admin/reviews': () => ({
        status: 200,
        data: makePage(
          [makeReview({ hiddenAt: '2026-06-03T10:00:00.000Z', hiddenReason: 'Abusive' })],
          {
            limit: 20,
          },
        ),
      }),
    });
    const { user } = renderApp({ url: '/admin/reviews', user: adminUser });
    const review = await screen.findByTestId('admin-review');
    expect(review).toHaveTextContent('Hidden: Abusive');
    await user.click(within(review).getByRole('button', { name: 'Restore the review by Lena F.' }));
    expect(
      screen.getByRole('alertdialog', { name: 'Restore the review by Lena F.?' }),
    ).toBeVisible();
  });
});
