import type { ReceiptDTO } from '@coachhub/shared/payment';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

afterEach(() => {
  vi.restoreAllMocks();
});

const receipt: ReceiptDTO = {
  bookingId: 'b-1',
  reference: 'CH-5F2A91C3',
  issuedAt: '2026-05-05T09:00:00.000Z',
  session: {
    title: 'Career deep dive',
    start: '2026-05-06T08:00:00.000Z',
    end: '2026-05-06T09:00:00.000Z',
    durationMinutes: 60,
  },
  coach: { userId: 'coach-1', name: 'Carla Jensen' },
  client: { userId: 'user-1', name: 'Ada Lovelace' },
  lines: [
    { kind: 'base', label: 'Career deep dive', amount: 10000 },
    { kind: 'first_session', label: 'Welcome', amount: -2000, discountId: 'd1' },
  ],
  payment: {
    method: 'online',
    status: 'partially_refunded',
    currency: 'EUR',
    amountDue: 8000,
    amountPaid: 8000,
    amountRefunded: 6000,
  },
  transactions: [
    {
      _id: 't-1',
      bookingId: 'b-1',
      kind: 'payment',
      provider: 'stripe',
      amount: 8000,
      currency: 'EUR',
      status: 'succeeded',
      providerIds: { checkoutSessionId: 'cs_1', paymentIntentId: 'pi_1' },
      statusHistory: [{ status: 'succeeded', at: '2026-05-04T12:03:00.000Z' }],
      createdAt: '2026-05-04T12:01:00.000Z',
    },
    {
      _id: 't-2',
      bookingId: 'b-1',
      kind: 'refund',
      provider: 'stripe',
      amount: 6000,
      currency: 'EUR',
      status: 'succeeded',
      reason: 'client_cancelled',
      providerIds: { refundId: 're_1' },
      statusHistory: [{ status: 'succeeded', at: '2026-05-05T09:00:00.000Z' }],
      createdAt: '2026-05-05T09:00:00.000Z',
    },
  ],
};

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => row.textContent);

describe('ReceiptPage', () => {
  it('lists the session, both people, the price, what was paid and refunded, and each transaction', async () => {
    installFakeApi({ 'GET /bookings/b-1/receipt': () => ({ status: 200, data: receipt }) });
    renderApp({ url: '/bookings/b-1/receipt', user: makeUser() });

    const article = await screen.findByRole('article', { name: 'Receipt CH-5F2A91C3' });
    expect(within(article).getByTestId('receipt-reference')).toHaveTextContent('CH-5F2A91C3');
    expect(article).toHaveTextContent('SessionCareer deep dive · 60 min');
    expect(article).toHaveTextContent(/DateWednesday, May 6, 2026, 10:00\sAM–11:00\sAM/);
    expect(article).toHaveTextContent('CoachCarla Jensen');
    expect(article).toHaveTextContent('ClientAda Lovelace');
    expect(within(article).getByTestId('receipt-payment')).toHaveTextContent(
      'Paid €80.00 · refunded €60.00',
    );

    expect(rowsOf(within(article).getByRole('table', { name: 'Price' }))).toEqual([
      'ItemAmount',
      'Session · Career deep dive€100.00',
      'First-session discount · Welcome-€20.00',
      'Total€80.00',
      'Paid€80.00',
      'Refunded€60.00',
    ]);
    const transactions = rowsOf(
      within(article).getByRole('table', { name: 'Payments and refunds' }),
    );
    expect(transactions[0]).toBe('TypeAmountStatusDate');
    expect(transactions[1]).toMatch(/^Payment€80\.00SucceededMay 4, 2026, 2:01\sPM$/);
    expect(transactions[2]).toMatch(
      /^Refund \(the client cancelled\)€60\.00SucceededMay 5, 2026, 11:00\sAM$/,
    );
  });

  it('prints with the browser’s print dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    installFakeApi({ 'GET /bookings/b-1/receipt': () => ({ status: 200, data: receipt }) });
    const { user } = renderApp({ url: '/bookings/b-1/receipt', user: makeUser() });

    await user.click(await screen.findByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Back to my bookings' })).toHaveAttribute(
      'href',
      '/bookings',
    );
  });

  it('says a booking paid at the session had nothing paid online', async () => {
    installFakeApi({
      'GET /bookings/b-1/receipt': () => ({
        status: 200,
        data: {
          ...receipt,
          payment: { ...receipt.payment, method: 'manual', status: 'due_at_session' },
          transactions: [],
        },
      }),
    });
    renderApp({ url: '/bookings/b-1/receipt', user: makeUser() });

    const article = await screen.findByRole('article', { name: 'Receipt CH-5F2A91C3' });
    expect(within(article).getByTestId('receipt-payment')).toHaveTextContent(
      'Pay at the session: €80.00',
    );
    expect(article).toHaveTextContent('Nothing was paid online for this booking.');
  });

  it('says when the receipt is not the viewer’s to see', async () => {
    installFakeApi({ 'GET /bookings/b-1/receipt': () => apiErrorReply(404, 'NOT_FOUND') });
    renderApp({ url: '/bookings/b-1/receipt', user: makeUser() });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The receipt could not be loaded. We could not find what you were looking for.',
    );
    expect(screen.queryByRole('button', { name: 'Print' })).not.toBeInTheDocument();
  });
});
