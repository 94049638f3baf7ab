import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingPaymentSummary } from '@coachhub/shared/payment';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { browserLocation } from '@/lib/browser-location';
import { makeBooking } from '@/testing/booking-fixtures';
import { installFakeApi } from '@/testing/fake-api';
import { makePage, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

beforeEach(() => {
  // Monday 4 May 2026, 14:00 in Berlin (the viewer's zone).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-04T12:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const client = makeUser();
const coachUser = makeUser({ _id: 'coach-1', role: 'coach', firstName: 'Carla' });

const payment = (overrides: Partial<BookingPaymentSummary>): BookingPaymentSummary => ({
  method: 'online',
  status: 'paid',
  currency: 'EUR',
  amountDue: 8000,
  amountPaid: 0,
  amountRefunded: 0,
  ...overrides,
});

const booking = (id: string, overrides: Partial<BookingDTO>) =>
  makeBooking({ _id: id, status: 'confirmed', allowedActions: [], ...overrides });

const awaiting = booking('b-awaiting', {
  status: 'awaiting_payment',
  payment: payment({ status: 'awaiting_payment', holdExpiresAt: '2026-05-04T12:05:00.000Z' }),
});

const VARIANTS = [
  booking('b-manual', { payment: payment({ method: 'manual', status: 'due_at_session' }) }),
  awaiting,
  booking('b-paid', { payment: payment({ amountPaid: 8000 }) }),
  booking('b-partial', {
    status: 'cancelled',
    payment: payment({ status: 'partially_refunded', amountPaid: 8000, amountRefunded: 6000 }),
  }),
  booking('b-refunded', {
    status: 'declined',
    payment: payment({ status: 'refunded', amountPaid: 8000, amountRefunded: 8000 }),
  }),
  booking('b-refund-pending', {
    status: 'cancelled',
    payment: payment({ amountPaid: 8000, amountRefundPending: 6000 }),
  }),
  booking('b-not-paid', { status: 'expired', payment: payment({ status: 'not_paid' }) }),
  booking('b-credit', { payment: payment({ method: 'credit', status: 'paid' }) }),
  booking('b-none', {}),
];

const cardOf = async (id: string) => {
  const cards = await screen.findAllByTestId('booking-card');
  const card = cards.find((candidate) => candidate.dataset.bookingId === id);
  if (!card) throw new Error(`No card for ${id}`);
  return card;
};

const summaryOf = async (id: string) => within(await cardOf(id)).getByTestId('payment-summary');

describe('The payment on booking cards', () => {
  it('says how each booking is paid, in the booking’s currency, with its receipt', async () => {
    installFakeApi({ 'GET /bookings': () => ({ status: 200, data: makePage(VARIANTS) }) });
    renderApp({ url: '/bookings', user: client });

    expect(await summaryOf('b-manual')).toHaveTextContent('Payment: Pay at the session: €80.00');
    expect(await summaryOf('b-awaiting')).toHaveTextContent(
      'Payment: Awaiting payment of €80.00 — held until 2:05 PM',
    );
    expect(await summaryOf('b-paid')).toHaveTextContent('Payment: Paid €80.00');
    expect(await summaryOf('b-partial')).toHaveTextContent(
      'Payment: Paid €80.00 · refunded €60.00',
    );
    expect(await summaryOf('b-refunded')).toHaveTextContent(
      'Payment: Paid €80.00 · refunded €80.00',
    );
    expect(await summaryOf('b-refund-pending')).toHaveTextContent(
      'Payment: Paid €80.00 · refund of €60.00 under way',
    );
    expect(await summaryOf('b-not-paid')).toHaveTextContent('Payment: Not paid');
    expect(await summaryOf('b-credit')).toHaveTextContent('Payment: Paid with a package credit');
    expect(within(await cardOf('b-none')).queryByTestId('payment-summary')).not.toBeInTheDocument();

    // The statuses of bookings that wait for or missed their payment have their own labels.
    expect(within(await cardOf('b-awaiting')).getByTestId('booking-status')).toHaveTextContent(
      'Awaiting payment',
    );
    expect(within(await cardOf('b-not-paid')).getByTestId('booking-status')).toHaveTextContent(
      'Expired (not paid)',
    );

    // Only the booking that awaits payment can be paid; every booking with payment has a receipt.
    expect(screen.getAllByRole('button', { name: 'Pay now' })).toHaveLength(1);
    const receipt = within(await cardOf('b-paid')).getByRole('link', {
      name: 'Receipt for the session on Wednesday, May 6, 2026',
    });
    expect(receipt).toHaveAttribute('href', '/bookings/b-paid/receipt');
    expect(screen.getAllByTestId('receipt-link')).toHaveLength(8);
  });

  it('reads in German, with German amounts and times', async () => {
    installFakeApi({ 'GET /bookings': () => ({ status: 200, data: makePage(VARIANTS) }) });
    // The account's language is German: its strings arrive as their own chunk.
    renderApp({ url: '/bookings', user: makeUser({ locale: 'de' }) });

    await waitFor(async () =>
      expect(await summaryOf('b-manual')).toHaveTextContent(
        'Zahlung: Zahlung bei der Sitzung: 80,00 €',
      ),
    );
    expect(await summaryOf('b-awaiting')).toHaveTextContent(
      'Zahlung: Wartet auf Zahlung von 80,00 € — reserviert bis 14:05',
    );
    expect(await summaryOf('b-partial')).toHaveTextContent(
      'Zahlung: Bezahlt: 80,00 € · erstattet: 60,00 €',
    );
    expect(await summaryOf('b-refund-pending')).toHaveTextContent(
      'Zahlung: Bezahlt: 80,00 € · Erstattung von 60,00 € in Bearbeitung',
    );
    expect(await summaryOf('b-credit')).toHaveTextContent('Mit einem Paket-Guthaben bezahlt');
    expect(within(await cardOf('b-not-paid')).getByTestId('booking-status')).toHaveTextContent(
      'Abgelaufen (nicht bezahlt)',
    );
    expect(
      within(await cardOf('b-awaiting')).getByRole('button', { name: 'Jetzt bezahlen' }),
    ).toBeVisible();
    expect(
      within(await cardOf('b-paid')).getByRole('link', {
        name: 'Beleg für die Sitzung am Mittwoch, 6. Mai 2026',
      }),
    ).toBeVisible();
  });

  it('“Pay now” opens the booking’s checkout again', async () => {
    const assign = vi.spyOn(browserLocation, 'assign').mockImplementation(() => undefined);
    const { requests } = installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([awaiting]) }),
      'POST /bookings/b-awaiting/checkout': () => ({
        status: 200,
        data: { booking: awaiting, checkoutUrl: 'https://checkout.stripe.test/c/pay/cs_2' },
      }),
    });
    const { user } = renderApp({ url: '/bookings', user: client });

    await user.click(within(await cardOf('b-awaiting')).getByRole('button', { name: 'Pay now' }));
    await waitFor(() =>
      expect(assign).toHaveBeenCalledWith('https://checkout.stripe.test/c/pay/cs_2'),
    );
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('shows the coach the payment but no “Pay now” on My bookings', async () => {
    installFakeApi({ 'GET /bookings': () => ({ status: 200, data: makePage([awaiting]) }) });
    renderApp({ url: '/bookings', user: coachUser });
    expect(await summaryOf('b-awaiting')).toHaveTextContent(
      'Awaiting payment of €80.00 — held until 2:05 PM',
    );
    expect(screen.queryByRole('button', { name: 'Pay now' })).not.toBeInTheDocument();
  });

  it('shows the payment on the cards of the coach’s practice', async () => {
    installFakeApi({
      'GET /bookings': () => ({
        status: 200,
        data: makePage([booking('b-paid', { payment: payment({ amountPaid: 8000 }) }), awaiting]),
      }),
    });
    renderApp({ url: '/practice', user: coachUser });
    expect(await summaryOf('b-paid')).toHaveTextContent('Paid €80.00');
    expect(await summaryOf('b-awaiting')).toHaveTextContent('Awaiting payment of €80.00');
    expect(screen.queryByRole('button', { name: 'Pay now' })).not.toBeInTheDocument();
  });
});
