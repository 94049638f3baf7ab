import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { coachQueryOptions } from '@/features/coaches/api/get-coach';
import { makeBooking } from '@/testing/booking-fixtures';
import { installFakeApi } from '@/testing/fake-api';
import { makeCoach, makePage, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';
import { makeReview } from '@/testing/review-fixtures';

describe('My bookings with reviews', () => {
  it('has the reviewed coach’s profile read again: the review changed their rating', async () => {
    const completed = makeBooking({ status: 'completed', allowedActions: [] });
    installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([completed]) }),
      'GET /reviews/mine': () => ({ status: 200, data: makePage([], { limit: 1 }) }),
      'POST /reviews': () => ({ status: 201, data: makeReview({ bookingId: completed._id }) }),
    });
    const { queryClient, user } = renderApp({ url: '/bookings?scope=past', user: makeUser() });
    const profileKey = coachQueryOptions('coach-1').queryKey;
    queryClient.setQueryData(profileKey, { ...makeCoach(), sessionTypes: [] });

    const card = await screen.findByTestId('booking-card');
    await user.click(await within(card).findByRole('button', { name: /Write a review/ }));
    const overall = within(card).getByRole('group', { name: 'Your rating' });
    await user.click(within(overall).getByRole('radio', { name: '5 stars' }));
    await user.click(within(card).getByRole('button', { name: 'Publish review' }));

    expect(await within(card).findByTestId('booking-reviewed')).toBeVisible();
    await waitFor(() => expect(queryClient.getQueryState(profileKey)?.isInvalidated).toBe(true));
  });
});
