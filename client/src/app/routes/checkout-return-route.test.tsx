import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { bookingQueryOptions } from '@/features/bookings/api/get-booking';
import { CHECKOUT_RETURN_POLLING } from '@/features/payments/api/checkout-return';
import { browserLocation } from '@/lib/browser-location';
import { makeBooking } from '@/testing/booking-fixtures';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeReply } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const client = makeUser();
const RETURN_URL = '/bookings/checkout-return?booking=b-1&session_id=cs_test_1';
const paid = (status: 'confirmed' | 'pending') =>
  makeBooking({ _id: 'b-1', status, meetingUrl: null, allowedActions: ['cancel'] });

const returnRoute = (replies: (() => FakeReply)[]) => {
  let calls = 0;
  return {
    'POST /payments/checkout-return': () => {
      const reply = replies[Math.min(calls, replies.length - 1)];
      calls += 1;
      if (!reply) throw new Error('No reply');
      return reply();
    },
  };
};

const notVerified = () => apiErrorReply(409, 'PAYMENT_NOT_VERIFIED');

/** React Query waits between attempts on (faked) timers: move them on, one wait at a time. */
const waitOneRetry = () => act(() => vi.advanceTimersByTimeAsync(CHECKOUT_RETURN_POLLING.delayMs));

describe('Back from the checkout', () => {
  it('says the payment was received and the booking is confirmed, and caches the booking', async () => {
    const { requests } = installFakeApi(
      returnRoute([() => ({ status: 200, data: paid('confirmed') })]),
    );
    const { queryClient } = renderApp({ url: RETURN_URL, user: client });

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Payment received — your booking is confirmed',
      }),
    ).toBeVisible();
    expect(screen.getByText(/Career deep dive on Wednesday, May 6, 2026/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to my bookings' })).toHaveAttribute(
      'href',
      '/bookings',
    );
    expect(screen.getByRole('link', { name: 'Receipt' })).toHaveAttribute(
      'href',
      '/bookings/b-1/receipt',
    );
    expect(requests.map((request) => request.body)).toEqual([{ sessionId: 'cs_test_1' }]);
    expect(queryClient.getQueryData(bookingQueryOptions('b-1').queryKey)).toMatchObject({
      status: 'confirmed',
    });
  });

  it('says the request went to the coach when the coach approves bookings', async () => {
    installFakeApi(returnRoute([() => ({ status: 200, data: paid('pending') })]));
    renderApp({ url: RETURN_URL, user: client });

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Payment received — your booking request was sent to Carla Jensen',
      }),
    ).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Carla will confirm the session soon.');
  });

  it('waits while the payment is not confirmed yet, then shows it received', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { requests } = installFakeApi(
      returnRoute([notVerified, () => ({ status: 200, data: paid('confirmed') })]),
    );
    renderApp({ url: RETURN_URL, user: client });

    expect(
      await screen.findByRole('heading', {
        name: 'We are still waiting for the payment confirmation',
      }),
    ).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('We check again automatically.');
    expect(screen.getByRole('button', { name: 'Pay now' })).toBeVisible();

    await waitOneRetry();
    expect(
      await screen.findByRole('heading', { name: 'Payment received — your booking is confirmed' }),
    ).toBeVisible();
    expect(requests).toHaveLength(2);
  });

  it('stops asking after a few tries, then offers to check again or pay now', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const assign = vi.spyOn(browserLocation, 'assign').mockImplementation(() => undefined);
    const { requests } = installFakeApi({
      ...returnRoute([notVerified]),
      'POST /bookings/b-1/checkout': () => ({
        status: 200,
        data: { booking: paid('confirmed'), checkoutUrl: 'https://checkout.stripe.test/cs_again' },
      }),
    });
    const { user } = renderApp({ url: RETURN_URL, user: client });

    await screen.findByRole('heading', {
      name: 'We are still waiting for the payment confirmation',
    });
    for (let retry = 0; retry < CHECKOUT_RETURN_POLLING.retries; retry += 1) await waitOneRetry();
    const checkAgain = await screen.findByRole('button', { name: 'Check again' });
    expect(screen.getByRole('status')).toHaveTextContent('The payment has not been confirmed yet.');
    const returns = () => requests.filter((request) => request.url === '/payments/checkout-return');
    expect(returns()).toHaveLength(CHECKOUT_RETURN_POLLING.retries + 1);

    // Bounded: nothing more is asked on its own.
    await waitOneRetry();
    await waitOneRetry();
    expect(returns()).toHaveLength(CHECKOUT_RETURN_POLLING.retries + 1);

    // Checking by hand asks again, as boundedly as before.
    await user.click(checkAgain);
    expect(await screen.findByText(/We check again automatically\./)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Check again' })).not.toBeInTheDocument();
    for (let retry = 0; retry < CHECKOUT_RETURN_POLLING.retries; retry += 1) await waitOneRetry();
    expect(await screen.findByRole('button', { name: 'Check again' })).toBeEnabled();
    expect(returns()).toHaveLength(2 * (CHECKOUT_RETURN_POLLING.retries + 1));

    await user.click(screen.getByRole('button', { name: 'Pay now' }));
    await vi.waitFor(() =>
      expect(assign).toHaveBeenCalledWith('https://checkout.stripe.test/cs_again'),
    );
  });

  it('says when the link lacks the booking or the checkout, and asks nothing', async () => {
    const { requests } = installFakeApi({});
    renderApp({ url: '/bookings/checkout-return?booking=b-1', user: client });

    const page = await screen.findByTestId('checkout-bad-link');
    expect(
      within(page).getByRole('heading', { name: 'This payment link is incomplete' }),
    ).toBeVisible();
    expect(within(page).getByRole('alert')).toHaveTextContent(
      'Open My bookings to see where the payment of your booking stands.',
    );
    expect(within(page).getByRole('link', { name: 'Go to my bookings' })).toBeVisible();
    expect(requests).toHaveLength(0);
  });

  it('says a checkout that is not the client’s cannot be found', async () => {
    installFakeApi(returnRoute([() => apiErrorReply(404, 'NOT_FOUND')]));
    renderApp({ url: RETURN_URL, user: client });

    expect(
      await screen.findByRole('heading', { name: 'The payment could not be checked' }),
    ).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'We could not find what you were looking for.',
    );
  });
});
