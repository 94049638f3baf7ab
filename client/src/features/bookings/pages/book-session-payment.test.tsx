import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { browserLocation } from '@/lib/browser-location';
import { makeAvailability, makeBooking, makeSessionType } from '@/testing/booking-fixtures';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeReply, FakeRequest, FakeRoutes } from '@/testing/fake-api';
import { makeCoach, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-04T08:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const coach = makeCoach({ _id: 'coach-1', timeZone: 'Europe/Berlin' });
const viewer = makeUser({ timeZone: 'Europe/Berlin' });
const START = '2026-05-06T08:00:00.000Z';
const CHECKOUT_URL = 'https://checkout.stripe.test/c/pay/cs_test_1';

/** The server's answer to a booking paid online: held for payment, with its checkout. */
const heldForCheckout = (): FakeReply => ({
  status: 201,
  data: {
    booking: makeBooking({ status: 'awaiting_payment', coach, start: START }),
    checkoutUrl: CHECKOUT_URL,
  },
});

const routes = (createReply: (request: FakeRequest) => FakeReply): FakeRoutes => ({
  'GET /coaches/coach-1': () => ({
    status: 200,
    data: { ...coach, sessionTypes: [makeSessionType()] },
  }),
  'GET /availability/coach-1': () => ({ status: 200, data: makeAvailability() }),
  'GET /coaches/coach-1/slots': () => ({
    status: 200,
    data: {
      timeZone: 'Europe/Berlin',
      coachTimeZone: 'Europe/Berlin',
      slots: [{ start: START, end: '2026-05-06T09:00:00.000Z' }],
    },
  }),
  'POST /prices/quote': () => ({
    status: 200,
    data: {
      amount: 8000,
      currency: 'EUR',
      lines: [{ kind: 'base', label: 'Career deep dive', amount: 8000 }],
      history: { completedSessions: 0, firstSession: true },
    },
  }),
  'POST /bookings': createReply,
});

const chooseTimeAndBook = async (user: ReturnType<typeof renderApp>['user']) => {
  await user.click(
    await screen.findByRole('button', { name: 'Wednesday, May 6, 2026, 1 free time' }),
  );
  const times = screen.getByRole('group', { name: 'Free times on Wednesday, May 6, 2026' });
  await user.click(within(times).getByRole('radio', { name: /10:00\sAM/ }));
  await user.click(await screen.findByRole('button', { name: 'Request this session' }));
};

describe('Booking a session that is paid online', { timeout: 15_000 }, () => {
  it('sends the browser to the checkout the server answered with', async () => {
    const assign = vi.spyOn(browserLocation, 'assign').mockImplementation(() => undefined);
    installFakeApi(routes(heldForCheckout));
    const { user } = renderApp({ url: '/coaches/coach-1/book', user: viewer });
    await chooseTimeAndBook(user);

    await waitFor(() => expect(assign).toHaveBeenCalledWith(CHECKOUT_URL));
    expect(assign).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('Opening the payment page…');
    // Nothing says "booked" before the payment: the booking waits for it.
    expect(screen.queryByTestId('booking-success')).not.toBeInTheDocument();
  });

  it('shows the booking as before when it is paid at the session (no checkout)', async () => {
    const assign = vi.spyOn(browserLocation, 'assign').mockImplementation(() => undefined);
    installFakeApi(
      routes(() => ({
        status: 201,
        data: makeBooking({
          _id: 'booking-2',
          coach,
          start: START,
          payment: {
            method: 'manual',
            status: 'due_at_session',
            currency: 'EUR',
            amountDue: 8000,
            amountPaid: 0,
            amountRefunded: 0,
          },
        }),
      })),
    );
    const { user } = renderApp({ url: '/coaches/coach-1/book', user: viewer });
    await chooseTimeAndBook(user);

    expect(await screen.findByRole('heading', { name: 'Request sent' })).toBeInTheDocument();
    const success = screen.getByTestId('booking-success');
    expect(success).toHaveAttribute('data-booking-id', 'booking-2');
    expect(within(success).getByTestId('payment-summary')).toHaveTextContent(
      'Payment: Pay at the session: €80.00',
    );
    expect(assign).not.toHaveBeenCalled();
  });

  it('says online payment is unavailable and the time was not kept; a new try is a new booking', async () => {
    const assign = vi.spyOn(browserLocation, 'assign').mockImplementation(() => undefined);
    let attempts = 0;
    const { requests } = installFakeApi(
      routes(() => {
        attempts += 1;
        if (attempts === 1) return apiErrorReply(503, 'PAYMENT_PROVIDER_UNAVAILABLE');
        return heldForCheckout();
      }),
    );
    const { user } = renderApp({ url: '/coaches/coach-1/book', user: viewer });
    await chooseTimeAndBook(user);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Online payment is briefly unavailable, so the time was not reserved. Please try again in a moment.',
    );
    expect(assign).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Request this session' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith(CHECKOUT_URL));
    // The server ended the first booking: the same key would name it, so the retry has its own.
    const keys = requests
      .filter((request) => request.url === '/bookings')
      .map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
  });
});
