import type {
  CoachMonthFigures,
  CoachOverviewDTO,
  CoachPaymentsOverview,
} from '@coachhub/shared/dashboard';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { i18n } from '@/lib/i18n/i18n';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const coach = makeUser({ _id: 'coach-1', role: 'coach', firstName: 'Carla' });

const month = (key: string, change: Partial<CoachMonthFigures> = {}): CoachMonthFigures => ({
  month: key,
  completedSessions: 0,
  sessionRevenue: 0,
  feeCancellations: 0,
  cancellationFees: 0,
  revenue: 0,
  ...change,
});

const MONTHS = [
  '2025-07',
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
];

const overview = (change: Partial<CoachOverviewDTO> = {}): CoachOverviewDTO => ({
  timeZone: 'Europe/Berlin',
  currency: 'EUR',
  asOf: '2026-06-17T10:00:00.000Z',
  thisWeek: {
    start: '2026-06-14T22:00:00.000Z',
    end: '2026-06-21T22:00:00.000Z',
    upcomingSessions: 3,
  },
  requests: { pendingBookings: 2, pendingReschedules: 1 },
  months: MONTHS.map((key) =>
    key === '2026-06'
      ? month(key, {
          completedSessions: 2,
          sessionRevenue: 17000,
          feeCancellations: 1,
          cancellationFees: 4000,
          revenue: 21000,
        })
      : key === '2026-03'
        ? month(key, { completedSessions: 1, sessionRevenue: 8000, revenue: 8000 })
        : month(key),
  ),
  totals: {
    completedSessions: 3,
    revenue: { amount: 29000, currency: 'EUR' },
    cancellationFees: { amount: 4000, currency: 'EUR' },
  },
  otherCurrencies: [],
  ratings: MONTHS.map((key) =>
    key === '2026-05'
      ? { month: key, count: 2, average: 4.5 }
      : key === '2026-06'
        ? { month: key, count: 3, average: 3.67 }
        : { month: key, count: 0, average: null },
  ),
  ...change,
});

const tableNamed = (name: string) => screen.getByRole('table', { name });

const stripePayments = (change: Partial<CoachPaymentsOverview> = {}): CoachPaymentsOverview => ({
  provider: 'stripe',
  currency: 'EUR',
  received: 123450,
  refunded: 8000,
  net: 115450,
  months: MONTHS.map((key) => ({ month: key, received: 0, refunded: 0 })),
  otherCurrencies: [],
  recent: [
    {
      kind: 'refund',
      amount: 8000,
      currency: 'EUR',
      status: 'succeeded',
      at: '2026-06-16T18:30:00.000Z',
      bookingId: 'booking-2',
      clientName: 'Tom Client',
      sessionTitle: 'Career coaching',
    },
    {
      kind: 'payment',
      amount: 30000,
      currency: 'EUR',
      status: 'succeeded',
      at: '2026-06-15T09:05:00.000Z',
      purchaseId: 'purchase-1',
      clientName: 'Pia Package',
    },
    {
      kind: 'payment',
      amount: 8000,
      currency: 'EUR',
      status: 'pending',
      at: '2026-06-14T08:00:00.000Z',
      bookingId: 'booking-1',
      clientName: 'Lena Client',
      sessionTitle: 'Career coaching',
    },
  ],
  ...change,
});

/** The row's cells as read, with the narrow spaces Intl puts in amounts and times as plain ones. */
const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => (cell.textContent ?? '').replace(/\s/g, ' '));

describe('CoachOverviewPage', () => {
  it('shows the week, the waiting requests and the twelve months’ sums', async () => {
    const { requests } = installFakeApi({
      'GET /dashboard/coach': () => ({ status: 200, data: overview() }),
    });
    renderApp({ url: '/practice/overview', user: coach });

    expect(await screen.findByTestId('overview-week')).toHaveTextContent('3');
    expect(screen.getByRole('heading', { level: 1, name: 'My figures' })).toBeVisible();
    expect(screen.getByTestId('overview-week')).toHaveTextContent(
      '3 confirmed sessions until Sunday.',
    );
    const waiting = screen.getByTestId('overview-requests');
    expect(waiting).toHaveTextContent('Booking requests: 2, requests to move a session: 1.');
    expect(within(waiting).getByRole('link', { name: 'Answer them' })).toHaveAttribute(
      'href',
      '/practice',
    );
    expect(screen.getByTestId('overview-completed')).toHaveTextContent('3');
    expect(screen.getByTestId('overview-revenue')).toHaveTextContent('€290.00');
    expect(screen.getByTestId('overview-revenue')).toHaveTextContent('€40.00 in cancellation fees');
    expect(screen.getByText(/in your time zone \(Europe\/Berlin\)/)).toBeVisible();
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /dashboard/coach',
    ]);
  });

  it('gives screen readers each chart’s figures as a table, month by month', async () => {
    installFakeApi({ 'GET /dashboard/coach': () => ({ status: 200, data: overview() }) });
    renderApp({ url: '/practice/overview', user: coach });

    const revenue = await screen.findByRole('figure', { name: 'Revenue per month (EUR)' });
    expect(revenue).toHaveAccessibleDescription(/completed sessions were booked at/);
    const table = tableNamed('Revenue per month (EUR)');
    const rows = within(table).getAllByRole('row');
    // A header row and twelve months, oldest first.
    expect(rows).toHaveLength(13);
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Month', 'Sessions', 'Cancellation fees']);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Jul 25');
    expect(
      within(rows[12]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['€170.00', '€40.00']);
    const ratings = tableNamed('Average rating per month');
    expect(
      screen.getByRole('figure', { name: 'Average rating per month' }),
    ).toHaveAccessibleDescription(/hidden reviews do not count/);
    expect(
      within(ratings)
        .getAllByRole('row')
        .slice(11)
        .map((row) => row.textContent),
    ).toEqual(['May 264.5', 'Jun 263.67']);
    expect(within(ratings).getAllByRole('row')[1]).toHaveTextContent('Jul 25none');
    const sessions = tableNamed('Completed sessions per month');
    expect(within(sessions).getAllByRole('row')[9]).toHaveTextContent('Mar 261');
  });

  it('reads in German: month names and amounts as a German reader writes them', async () => {
    await i18n.changeLanguage('de');
    installFakeApi({ 'GET /dashboard/coach': () => ({ status: 200, data: overview() }) });
    renderApp({ url: '/practice/overview', user: { ...coach, locale: 'de' } });

    // German arrives as its own chunk: wait for the German figure, not just the element.
    await waitFor(() =>
      expect(screen.getByTestId('overview-revenue')).toHaveTextContent('290,00 €'),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Meine Zahlen' })).toBeVisible();
    const table = tableNamed('Umsatz pro Monat (EUR)');
    expect(within(table).getAllByRole('row')[10]).toHaveTextContent('Apr. 26');
    expect(within(table).getAllByRole('row')[12]).toHaveTextContent('Juni 26170,00 €40,00 €');
  });

  it('says which amounts were booked in another currency and are not counted', async () => {
    installFakeApi({
      'GET /dashboard/coach': () => ({
        status: 200,
        data: overview({ otherCurrencies: [{ amount: 5000, currency: 'USD' }] }),
      }),
    });
    renderApp({ url: '/practice/overview', user: coach });
    expect(await screen.findByTestId('overview-other-currencies')).toHaveTextContent(
      'booked in another currency before you changed yours: $50.00.',
    );
  });

  it('offers to try again when the figures cannot be loaded', async () => {
    let calls = 0;
    installFakeApi({
      'GET /dashboard/coach': () => {
        calls += 1;
        return calls === 1 ? apiErrorReply(404, 'NOT_FOUND') : { status: 200, data: overview() };
      },
    });
    const { user } = renderApp({ url: '/practice/overview', user: coach });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your figures could not be loaded.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('overview-week')).toHaveTextContent('3');
  });

  it('is in the coach’s navigation', async () => {
    installFakeApi({ 'GET /dashboard/coach': () => ({ status: 200, data: overview() }) });
    renderApp({ url: '/practice/overview', user: coach });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'My figures' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('says when there are no reviews yet instead of drawing an empty trend', async () => {
    installFakeApi({
      'GET /dashboard/coach': () => ({
        status: 200,
        data: overview({
          ratings: MONTHS.map((key) => ({ month: key, count: 0, average: null })),
        }),
      }),
    });
    renderApp({ url: '/practice/overview', user: coach });
    const figure = await screen.findByRole('figure', { name: 'Average rating per month' });
    expect(within(figure).getByTestId('chart-empty')).toHaveTextContent(
      'No reviews in these months yet.',
    );
  });

  it('shows what clients paid online, what went back and the latest payments as a table', async () => {
    installFakeApi({
      'GET /dashboard/coach': () => ({
        status: 200,
        data: overview({
          payments: stripePayments({ otherCurrencies: [{ amount: 5000, currency: 'USD' }] }),
        }),
      }),
    });
    renderApp({ url: '/practice/overview', user: coach });

    const section = await screen.findByRole('region', { name: 'Payments' });
    expect(within(section).getByTestId('overview-payments-received')).toHaveTextContent(
      'Received€1,234.50',
    );
    expect(within(section).getByTestId('overview-payments-refunded')).toHaveTextContent('€80.00');
    expect(within(section).getByTestId('overview-payments-net')).toHaveTextContent('€1,154.50');
    expect(within(section).getByTestId('overview-payments-other-currencies')).toHaveTextContent(
      'paid in another currency: $50.00.',
    );
    const table = within(section).getByRole('table', { name: 'Latest payments and refunds' });
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Date', 'Client', 'Session', 'Type', 'Amount', 'Status']);
    // Dates in the coach's zone (Berlin, summer time).
    expect(cellsOf(rows[1]!)).toEqual([
      'Jun 16, 2026, 8:30 PM',
      'Tom Client',
      'Career coaching',
      'Refund',
      '€80.00',
      'Succeeded',
    ]);
    expect(cellsOf(rows[2]!)).toEqual([
      'Jun 15, 2026, 11:05 AM',
      'Pia Package',
      'Session package',
      'Payment',
      '€300.00',
      'Succeeded',
    ]);
    expect(cellsOf(rows[3]!).slice(3)).toEqual(['Payment', '€80.00', 'Pending']);
  });

  it('reads the payments in German: amounts, dates and words', async () => {
    await i18n.changeLanguage('de');
    installFakeApi({
      'GET /dashboard/coach': () => ({
        status: 200,
        data: overview({ payments: stripePayments() }),
      }),
    });
    renderApp({ url: '/practice/overview', user: { ...coach, locale: 'de' } });

    await waitFor(() =>
      expect(screen.getByTestId('overview-payments-received')).toHaveTextContent(
        'Eingenommen1.234,50 €',
      ),
    );
    expect(screen.getByTestId('overview-payments-net')).toHaveTextContent('1.154,50 €');
    const section = screen.getByRole('region', { name: 'Zahlungen' });
    const table = within(section).getByRole('table', {
      name: 'Letzte Zahlungen und Erstattungen',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows[0]).toHaveTextContent('DatumKlient:inSitzungArtBetragStatus');
    expect(cellsOf(rows[1]!)).toEqual([
      '16.06.2026, 20:30',
      'Tom Client',
      'Career coaching',
      'Erstattung',
      '80,00 €',
      'Erfolgreich',
    ]);
    expect(cellsOf(rows[2]!)[2]).toBe('Sitzungspaket');
    expect(cellsOf(rows[3]!)[5]).toBe('Offen');
  });

  it('explains that clients pay at the session when payments are not online', async () => {
    installFakeApi({
      'GET /dashboard/coach': () => ({
        status: 200,
        data: overview({
          payments: stripePayments({
            provider: 'manual',
            received: 0,
            refunded: 0,
            net: 0,
            recent: [],
          }),
        }),
      }),
    });
    renderApp({ url: '/practice/overview', user: coach });

    const section = await screen.findByRole('region', { name: 'Payments' });
    expect(within(section).getByTestId('overview-payments-manual')).toHaveTextContent(
      'Your clients pay you at the session',
    );
    expect(within(section).queryByRole('table')).toBeNull();
    expect(within(section).queryByTestId('overview-payments-received')).toBeNull();
  });

  it('says so when nothing was paid online yet', async () => {
    installFakeApi({
      'GET /dashboard/coach': () => ({
        status: 200,
        data: overview({
          payments: stripePayments({ received: 0, refunded: 0, net: 0, recent: [] }),
        }),
      }),
    });
    renderApp({ url: '/practice/overview', user: coach });
    expect(await screen.findByTestId('overview-payments-none')).toHaveTextContent(
      'No online payments yet.',
    );
    expect(screen.getByTestId('overview-payments-net')).toHaveTextContent('€0.00');
  });

  it('has no payments section when the server sends no payments part', async () => {
    installFakeApi({ 'GET /dashboard/coach': () => ({ status: 200, data: overview() }) });
    renderApp({ url: '/practice/overview', user: coach });
    expect(await screen.findByTestId('overview-week')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Payments' })).toBeNull();
  });
});
