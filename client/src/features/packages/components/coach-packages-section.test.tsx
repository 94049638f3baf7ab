import type { CoachPackageOffer } from '@coachhub/shared/payment';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { browserLocation } from '@/lib/browser-location';
import { makeSessionType } from '@/testing/booking-fixtures';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRoutes } from '@/testing/fake-api';
import { makeCoach, makeUser } from '@/testing/fixtures';
import { makePurchase } from '@/testing/package-fixtures';
import { renderApp } from '@/testing/render-app';

import { creditsQueryOptions } from '../api/get-credits';

const lena = {
  ...makeCoach({ _id: 'coach-2', firstName: 'Lena', lastName: 'Berg' }),
  sessionTypes: [
    makeSessionType({ _id: 'type-1', coachId: 'coach-2', title: 'Career deep dive' }),
    makeSessionType({ _id: 'type-2', coachId: 'coach-2', title: 'Quick check-in' }),
  ],
};

const fivePack: CoachPackageOffer = {
  packageId: 'p1',
  coachId: 'coach-2',
  name: 'Five pack',
  sessions: 5,
  price: 40000,
  currency: 'EUR',
  validityDays: 90,
};
const checkIns: CoachPackageOffer = {
  packageId: 'p2',
  coachId: 'coach-2',
  name: 'Check-in trio',
  sessions: 3,
  price: 10000,
  currency: 'EUR',
  validityDays: 30,
  sessionTypeIds: ['type-2'],
};

const routes = (extra: FakeRoutes = {}): FakeRoutes => ({
  'GET /coaches/coach-2': () => ({ status: 200, data: lena }),
  'GET /coaches/coach-2/packages': () => ({ status: 200, data: [fivePack, checkIns] }),
  'GET /coaches/coach-2/reviews': () => ({
    status: 200,
    data: {
      items: [],
      page: 1,
      limit: 5,
      total: 0,
      average: 0,
      count: 0,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    },
  }),
  ...extra,
});

const offer = async (name: string) => {
  const section = await screen.findByRole('region', { name: 'Packages' });
  const card = await within(section).findByRole('article', { name });
  return card;
};

describe("the coach's packages on the profile", () => {
  it('lists each package with its price, price per session, validity and session types', async () => {
    installFakeApi(routes());
    renderApp({ url: '/coaches/coach-2', user: makeUser() });

    const five = await offer('Five pack');
    expect(within(five).getByTestId('package-sessions')).toHaveTextContent('5 sessions');
    expect(within(five).getByTestId('package-price')).toHaveTextContent('€400.00');
    expect(within(five).getByTestId('package-per-session')).toHaveTextContent('€80.00 per session');
    expect(five).toHaveTextContent('Valid for 90 days after purchase');
    expect(within(five).getByTestId('package-session-types')).toHaveTextContent(
      'For every session type',
    );
    const trio = await offer('Check-in trio');
    expect(within(trio).getByTestId('package-per-session')).toHaveTextContent('€33.33 per session');
    expect(within(trio).getByTestId('package-session-types')).toHaveTextContent(
      'For: Quick check-in',
    );
    expect(within(trio).getByRole('button', { name: 'Buy Check-in trio' })).toBeVisible();
  });

  it('asks a visitor to sign in and come back to the profile', async () => {
    installFakeApi(routes());
    renderApp({ url: '/coaches/coach-2' });

    const five = await offer('Five pack');
    expect(within(five).queryByRole('button', { name: /Buy/ })).not.toBeInTheDocument();
    expect(within(five).getByRole('link', { name: 'Sign in to buy Five pack' })).toHaveAttribute(
      'href',
      '/login?redirectTo=%2Fcoaches%2Fcoach-2',
    );
  });

  it('shows the coach their own packages without a way to buy them', async () => {
    installFakeApi(routes());
    renderApp({ url: '/coaches/coach-2', user: makeUser({ _id: 'coach-2', role: 'coach' }) });

    const five = await offer('Five pack');
    expect(within(five).getByTestId('package-price')).toHaveTextContent('€400.00');
    expect(within(five).queryByRole('button')).not.toBeInTheDocument();
    expect(within(five).queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows nothing when the coach sells no package', async () => {
    installFakeApi(routes({ 'GET /coaches/coach-2/packages': () => ({ status: 200, data: [] }) }));
    renderApp({ url: '/coaches/coach-2', user: makeUser() });

    expect(await screen.findByRole('region', { name: 'Reviews' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Packages' })).not.toBeInTheDocument();
  });

  it('buys after a confirmation and, paid to the coach directly, says what the client now has', async () => {
    const { requests } = installFakeApi(
      routes({
        'POST /packages/p1/purchase': () => ({ status: 201, data: { purchase: makePurchase() } }),
      }),
    );
    const { user, queryClient } = renderApp({ url: '/coaches/coach-2', user: makeUser() });
    queryClient.setQueryData(creditsQueryOptions().queryKey, []);

    await user.click(
      within(await offer('Five pack')).getByRole('button', { name: 'Buy Five pack' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Buy Five pack?' });
    expect(dialog).toHaveAccessibleDescription(
      '5 sessions with Lena Berg for €400.00, to use within 90 days of the purchase.',
    );
    // Nothing is bought before the confirmation.
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Buy now' }));

    expect(await screen.findByTestId('package-bought')).toHaveTextContent(
      'You now have 5 sessions with Lena until March 1, 2027; pay Lena directly.',
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See my packages and credits' })).toHaveAttribute(
      'href',
      '/packages',
    );
    expect(requests.filter((request) => request.method === 'POST')).toMatchObject([
      { url: '/packages/p1/purchase' },
    ]);
    // The credits are read again, so the booking flow and My packages show them.
    expect(queryClient.getQueryState(creditsQueryOptions().queryKey)?.isInvalidated).toBe(true);
  });

  it('sends the browser to the checkout when the package is paid online', async () => {
    const assign = vi.spyOn(browserLocation, 'assign').mockImplementation(() => undefined);
    installFakeApi(
      routes({
        'POST /packages/p1/purchase': () => ({
          status: 201,
          data: {
            purchase: makePurchase({
              status: 'awaiting_payment',
              method: 'online',
              expiresAt: undefined,
            }),
            checkoutUrl: 'https://checkout.example/pay/cs_1',
          },
        }),
      }),
    );
    const { user } = renderApp({ url: '/coaches/coach-2', user: makeUser() });

    await user.click(
      within(await offer('Five pack')).getByRole('button', { name: 'Buy Five pack' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Buy now' }));

    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.example/pay/cs_1'));
    expect(screen.getByRole('dialog')).toHaveTextContent('Opening the payment page…');
    expect(screen.queryByTestId('package-bought')).not.toBeInTheDocument();
  });

  it('translates a refusal by its code and keeps the dialog open', async () => {
    installFakeApi(
      routes({ 'POST /packages/p1/purchase': () => apiErrorReply(403, 'OWN_PACKAGE') }),
    );
    const { user } = renderApp({ url: '/coaches/coach-2', user: makeUser() });

    await user.click(
      within(await offer('Five pack')).getByRole('button', { name: 'Buy Five pack' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Buy now' }));

    const dialog = screen.getByRole('dialog', { name: 'Buy Five pack?' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'You cannot buy your own package.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says nothing was bought when online payment is briefly unavailable', async () => {
    installFakeApi(
      routes({
        'POST /packages/p1/purchase': () => apiErrorReply(503, 'PAYMENT_PROVIDER_UNAVAILABLE'),
      }),
    );
    const { user } = renderApp({ url: '/coaches/coach-2', user: makeUser() });

    await user.click(
      within(await offer('Five pack')).getByRole('button', { name: 'Buy Five pack' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Buy now' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Online payment is briefly unavailable, so nothing was bought. Please try again in a moment.',
    );
  });

  it('says so when the client comes back from a cancelled checkout', async () => {
    installFakeApi(routes());
    const { user, router } = renderApp({
      url: '/coaches/coach-2?checkout=cancelled',
      user: makeUser(),
    });

    expect(await screen.findByTestId('package-checkout-cancelled')).toHaveTextContent(
      'The payment was cancelled: no package was bought.',
    );
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('package-checkout-cancelled')).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('speaks German to a German client', async () => {
    installFakeApi(routes());
    renderApp({ url: '/coaches/coach-2', user: makeUser({ locale: 'de' }) });

    const section = await screen.findByRole('region', { name: 'Pakete' });
    const five = within(section).getByRole('article', { name: 'Five pack' });
    await waitFor(() => expect(five).toHaveTextContent('5 Sitzungen'));
    // The no-break space before the symbol is normalised to a space by the matcher.
    expect(within(five).getByTestId('package-per-session')).toHaveTextContent(
      '80,00 € pro Sitzung',
    );
    expect(five).toHaveTextContent('Gültig 90 Tage ab dem Kauf');
    expect(within(five).getByRole('button', { name: 'Five pack kaufen' })).toHaveTextContent(
      'Kaufen',
    );
  });
});
