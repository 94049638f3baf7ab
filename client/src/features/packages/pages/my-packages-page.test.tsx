import type { CreditBalance, PackagePurchaseDTO } from '@coachhub/shared/payment';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRoutes } from '@/testing/fake-api';
import { makeCoach, makePage, makeUser } from '@/testing/fixtures';
import { makePurchase } from '@/testing/package-fixtures';
import { renderApp } from '@/testing/render-app';

/** The purchases on this page have 3 of their 5 credits left unless a test says otherwise. */
const purchase = (overrides: Partial<PackagePurchaseDTO>): PackagePurchaseDTO =>
  makePurchase({ remaining: 3, ...overrides });

const credits: CreditBalance[] = [
  {
    coachId: 'coach-2',
    packageId: 'p1',
    remaining: 3,
    expiresAt: '2027-03-01T12:00:00.000Z',
    purchaseId: 'purchase-1',
    packageName: 'Five pack',
    sessions: 5,
  },
  { coachId: 'coach-3', packageId: 'p9', remaining: 1, expiresAt: '2027-01-15T12:00:00.000Z' },
];

const purchases = [
  purchase({}),
  purchase({
    _id: 'purchase-2',
    coachId: 'coach-3',
    packageName: 'Ten pack',
    sessions: 10,
    price: 70000,
    status: 'awaiting_payment',
    method: 'online',
    expiresAt: undefined,
    remaining: 10,
    createdAt: '2026-12-02T12:00:00.000Z',
  }),
  purchase({
    _id: 'purchase-3',
    status: 'refunded',
    method: 'online',
    remaining: 0,
    createdAt: '2026-11-01T12:00:00.000Z',
  }),
  purchase({ _id: 'purchase-4', status: 'expired', createdAt: '2026-01-01T12:00:00.000Z' }),
  purchase({
    _id: 'purchase-5',
    status: 'not_paid',
    method: 'online',
    createdAt: '2025-12-01T12:00:00.000Z',
  }),
];

const routes = (extra: FakeRoutes = {}): FakeRoutes => ({
  'GET /users/me/credits': () => ({ status: 200, data: credits }),
  'GET /users/me/package-purchases': () => ({ status: 200, data: purchases }),
  'GET /coaches/coach-2': () => ({
    status: 200,
    data: {
      ...makeCoach({ _id: 'coach-2', firstName: 'Lena', lastName: 'Berg' }),
      sessionTypes: [],
    },
  }),
  'GET /coaches/coach-3': () => ({
    status: 200,
    data: {
      ...makeCoach({ _id: 'coach-3', firstName: 'Samuel', lastName: 'Mensah' }),
      sessionTypes: [],
    },
  }),
  ...extra,
});

describe('My packages', () => {
  it("lists the client's credits coach by coach, the soonest to lapse first", async () => {
    installFakeApi(routes());
    renderApp({ url: '/packages', user: makeUser() });

    expect(await screen.findByRole('heading', { level: 1, name: 'My packages' })).toBeVisible();
    const list = await screen.findByRole('list', { name: 'Your credits' });
    const cards = within(list).getAllByTestId('coach-credits');
    expect(cards).toHaveLength(2);
    await waitFor(() => expect(cards[0]).toHaveAccessibleName('Samuel Mensah'));
    expect(cards[0]).toHaveTextContent('1 credit left');
    expect(cards[0]).toHaveTextContent('Valid until January 15, 2027');
    expect(cards[1]).toHaveAccessibleName('Lena Berg');
    expect(cards[1]).toHaveTextContent('Five pack');
    expect(cards[1]).toHaveTextContent('3 credits left of 5');
    expect(cards[1]).toHaveTextContent('Valid until March 1, 2027');
    expect(within(cards[1]!).getByRole('link', { name: 'Lena Berg' })).toHaveAttribute(
      'href',
      '/coaches/coach-2',
    );
    expect(within(cards[1]!).getByRole('link', { name: 'Book a session' })).toHaveAttribute(
      'href',
      '/coaches/coach-2/book',
    );
  });

  it('shows every purchase, newest first, with its status and how it was paid', async () => {
    installFakeApi(routes());
    renderApp({ url: '/packages', user: makeUser() });

    const table = await screen.findByRole('table', { name: 'Packages you bought' });
    const rows = within(table).getAllByTestId('purchase');
    expect(rows.map((row) => within(row).getByTestId('purchase-status').textContent)).toEqual([
      'Awaiting payment',
      'Active',
      'Refunded',
      'Expired',
      'Not paid',
    ]);
    expect(rows[0]).toHaveTextContent('Ten pack (10 sessions)');
    expect(rows[0]).toHaveTextContent('€700.00');
    expect(within(rows[0]!).getByTestId('purchase-method')).toHaveTextContent('Paid online');
    expect(within(rows[1]!).getByTestId('purchase-method')).toHaveTextContent(
      'Paid to the coach directly',
    );
    await waitFor(() => expect(rows[0]).toHaveTextContent('Samuel Mensah'));
  });

  it('shows older purchases a page at a time', async () => {
    const many = Array.from({ length: 21 }, (_, index) =>
      purchase({
        _id: `purchase-${index}`,
        packageName: `Pack ${index + 1}`,
        createdAt: new Date(Date.UTC(2026, 10, 30 - index)).toISOString(),
      }),
    );
    const { requests } = installFakeApi(
      routes({
        'GET /users/me/package-purchases': (request) => {
          const page = Number(request.params.page);
          return { status: 200, data: page === 1 ? many.slice(0, 20) : many.slice(20) };
        },
      }),
    );
    const { user } = renderApp({ url: '/packages', user: makeUser() });

    const table = await screen.findByRole('table', { name: 'Packages you bought' });
    expect(within(table).getAllByTestId('purchase')).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: 'Show older purchases' }));
    await waitFor(() => expect(within(table).getAllByTestId('purchase')).toHaveLength(21));
    expect(within(table).getAllByTestId('purchase')[20]).toHaveTextContent('Pack 21');
    expect(screen.queryByRole('button', { name: 'Show older purchases' })).not.toBeInTheDocument();
    expect(
      requests
        .filter((request) => request.url === '/users/me/package-purchases')
        .map((request) => request.params),
    ).toEqual([
      { page: 1, limit: 20 },
      { page: 2, limit: 20 },
    ]);
  });

  it('says there are no credits yet and where packages are found', async () => {
    installFakeApi(
      routes({
        'GET /users/me/credits': () => ({ status: 200, data: [] }),
        'GET /users/me/package-purchases': () => ({ status: 200, data: [] }),
      }),
    );
    renderApp({ url: '/packages', user: makeUser() });

    const empty = await screen.findByTestId('credits-empty');
    expect(empty).toHaveTextContent('You have no credits.');
    expect(within(empty).getByRole('link', { name: 'Find a coach' })).toHaveAttribute(
      'href',
      '/coaches',
    );
    expect(await screen.findByTestId('purchases-empty')).toHaveTextContent(
      'You have not bought a package yet.',
    );
  });

  it('says when the credits cannot be loaded, translated, and tries again', async () => {
    let fail = true;
    installFakeApi(
      routes({
        'GET /users/me/credits': () =>
          fail ? apiErrorReply(403, 'FORBIDDEN') : { status: 200, data: credits },
      }),
    );
    const { user } = renderApp({ url: '/packages', user: makeUser() });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your credits could not be loaded.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Your credits' })).toBeVisible();
  });

  it('is reached from My bookings', async () => {
    installFakeApi({ ...routes(), 'GET /bookings': () => ({ status: 200, data: makePage([]) }) });
    const { user } = renderApp({ url: '/bookings', user: makeUser() });
    await user.click(await screen.findByRole('link', { name: 'My packages and credits' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'My packages' })).toBeVisible();
  });
});
