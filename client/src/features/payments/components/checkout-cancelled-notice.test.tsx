import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { browserLocation } from '@/lib/browser-location';
import { makeBooking } from '@/testing/booking-fixtures';
import { installFakeApi } from '@/testing/fake-api';
import { makePage, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-04T12:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const CANCEL_URL = '/bookings?checkout=cancelled&booking=b-1';

const awaiting = makeBooking({
  _id: 'b-1',
  status: 'awaiting_payment',
  allowedActions: ['cancel'],
  payment: {
    method: 'online',
    status: 'awaiting_payment',
    currency: 'EUR',
    amountDue: 8000,
    amountPaid: 0,
    amountRefunded: 0,
    holdExpiresAt: '2026-05-04T12:05:00.000Z',
  },
});

describe('Back from a cancelled checkout', () => {
  it('says until when the time is held and offers to pay now', async () => {
    const assign = vi.spyOn(browserLocation, 'assign').mockImplementation(() => undefined);
    installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([awaiting]) }),
      'GET /bookings/b-1': () => ({ status: 200, data: awaiting }),
      'POST /bookings/b-1/checkout': () => ({
        status: 200,
        data: { booking: awaiting, checkoutUrl: 'https://checkout.stripe.test/cs_1' },
      }),
    });
    const { user } = renderApp({ url: CANCEL_URL, user: makeUser() });

    const notice = await screen.findByRole('region', { name: 'Payment cancelled' });
    // The notice says "Checking your booking…" until the booking has arrived.
    await waitFor(() =>
      expect(within(notice).getByRole('status')).toHaveTextContent(
        'Your payment was not completed. The time is held for you until 2:05 PM: pay now to keep it.',
      ),
    );
    await user.click(within(notice).getByRole('button', { name: 'Pay now' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.stripe.test/cs_1'));
  });

  it('says the time is no longer held once the hold has ended, and can be dismissed', async () => {
    const expired = makeBooking({
      _id: 'b-1',
      status: 'expired',
      allowedActions: [],
      payment: {
        method: 'online',
        status: 'not_paid',
        currency: 'EUR',
        amountDue: 8000,
        amountPaid: 0,
        amountRefunded: 0,
      },
    });
    installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([]) }),
      'GET /bookings/b-1': () => ({ status: 200, data: expired }),
    });
    const { user, router } = renderApp({ url: CANCEL_URL, user: makeUser() });

    const notice = await screen.findByRole('region', { name: 'Payment cancelled' });
    expect(await within(notice).findByText(/no longer held for you/)).toBeVisible();
    expect(within(notice).queryByRole('button', { name: 'Pay now' })).not.toBeInTheDocument();

    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Payment cancelled' })).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('reads in German', async () => {
    installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([awaiting]) }),
      'GET /bookings/b-1': () => ({ status: 200, data: awaiting }),
    });
    renderApp({ url: CANCEL_URL, user: makeUser({ locale: 'de' }) });

    const notice = await screen.findByRole('region', { name: 'Zahlung abgebrochen' });
    await waitFor(() =>
      expect(within(notice).getByRole('status')).toHaveTextContent(
        'Der Termin ist bis 14:05 für dich reserviert',
      ),
    );
    expect(within(notice).getByRole('button', { name: 'Jetzt bezahlen' })).toBeVisible();
  });
});
