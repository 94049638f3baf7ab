import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeBooking } from '@/testing/booking-fixtures';
import { makePage } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

import { adminUser, withFakeAdminApi } from './admin-test-api';

const fakeApi = withFakeAdminApi();
const BOOKING = 'abcdefabcdefabcdefabcdef';

describe('AdminBookingsPage', () => {
  it('asks nothing until something is looked up, then looks up by the URL’s fields', async () => {
    const { requests } = fakeApi({
      'GET /admin/bookings': () => ({
        status: 200,
        data: makePage([makeBooking({ _id: BOOKING })], { limit: 20 }),
      }),
    });
    const { user, router } = renderApp({ url: '/admin/bookings', user: adminUser });
    expect(
      await screen.findByText('Fill in at least one field to look bookings up.'),
    ).toBeVisible();
    expect(requests).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Booking id' }), 'not-an-id');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(screen.getByRole('textbox', { name: 'Booking id' })).toHaveAccessibleDescription(
      'An id has 24 characters, 0-9 and a-f.',
    );
    expect(requests).toHaveLength(0);

    await user.clear(screen.getByRole('textbox', { name: 'Booking id' }));
    await user.type(screen.getByRole('textbox', { name: 'Booking id' }), BOOKING);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() => expect(router.state.location.search).toBe(`?id=${BOOKING}`));
    expect(await screen.findByTestId('admin-booking')).toHaveTextContent(BOOKING);
    expect(requests[0]?.params).toEqual({ id: BOOKING, page: 1, limit: 20 });
    // Read only: nothing to change a booking with.
    expect(screen.queryByRole('button', { name: /cancel|confirm/i })).not.toBeInTheDocument();
  });

  it('opens on a shared link with a name search and a status', async () => {
    const { requests } = fakeApi({
      'GET /admin/bookings': () => ({ status: 200, data: makePage([], { limit: 20 }) }),
    });
    renderApp({ url: '/admin/bookings?q=carla&status=cancelled', user: adminUser });
    expect(await screen.findByTestId('admin-empty')).toHaveTextContent('No bookings match.');
    expect(requests[0]?.params).toEqual({ q: 'carla', status: 'cancelled', page: 1, limit: 20 });
    expect(screen.getByRole('textbox', { name: 'Name or e-mail' })).toHaveValue('carla');
  });
});
