import type { CreditBalance } from '@coachhub/shared/payment';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { makeAvailability, makeBooking, makeSessionType } from '@/testing/booking-fixtures';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRequest, FakeRoutes } from '@/testing/fake-api';
import { makeCoach, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

beforeEach(() => {
  // Only the clock is fixed (Monday 4 May 2026, 10:00 in Berlin); timers run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-04T08:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const coach = makeCoach({ _id: 'coach-1', firstName: 'Lena', lastName: 'Berg' });
const viewer = makeUser({ timeZone: 'Europe/Berlin' });
const deepDive = makeSessionType();
const checkIn = makeSessionType({ _id: 'type-2', title: 'Quick check-in', slug: 'quick-check-in' });
const SLOT = { start: '2026-05-06T08:00:00.000Z', end: '2026-05-06T09:00:00.000Z' };

const credit = (overrides: Partial<CreditBalance> = {}): CreditBalance => ({
  coachId: 'coach-1',
  packageId: 'p1',
  remaining: 3,
  expiresAt: '2026-06-01T12:00:00.000Z',
  purchaseId: 'purchase-1',
  packageName: 'Five pack',
  sessions: 5,
  ...overrides,
});

const routes = (credits: () => CreditBalance[], extra: FakeRoutes = {}): FakeRoutes => ({
  'GET /coaches/coach-1': () => ({
    status: 200,
    data: { ...coach, sessionTypes: [deepDive, checkIn] },
  }),
  'GET /availability/coach-1': () => ({ status: 200, data: makeAvailability() }),
  'GET /coaches/coach-1/slots': () => ({
    status: 200,
    data: { timeZone: 'Europe/Berlin', coachTimeZone: 'Europe/Berlin', slots: [SLOT] },
  }),
  'POST /prices/quote': () => ({
    status: 200,
    data: {
      amount: 9000,
      currency: 'EUR',
      lines: [{ kind: 'base', label: 'Career deep dive', amount: 9000 }],
      history: { completedSessions: 2, firstSession: false },
    },
  }),
  'GET /users/me/credits': () => ({ status: 200, data: credits() }),
  ...extra,
});

/** Chooses a session type and the one free time, and returns the confirmation form. */
const reachConfirm = async (user: ReturnType<typeof renderApp>['user'], typeName: RegExp) => {
  await user.click(await screen.findByRole('radio', { name: typeName }));
  await user.click(
    await screen.findByRole('button', { name: 'Wednesday, May 6, 2026, 1 free time' }),
  );
  const times = screen.getByRole('group', { name: 'Free times on Wednesday, May 6, 2026' });
  await user.click(within(times).getByRole('radio', { name: /10:00\sAM/ }));
  return screen.findByTestId('booking-confirm');
};

const bookingPosts = (requests: FakeRequest[]) =>
  requests.filter((request) => request.method === 'POST' && request.url === '/bookings');

describe('paying a session with a package credit', { timeout: 15_000 }, () => {
  it('offers the credit, says the session is covered and books with useCredit', async () => {
    const { requests } = installFakeApi(
      routes(() => [credit()], {
        'POST /bookings': () => ({
          status: 201,
          data: makeBooking({ _id: 'booking-7', coach, start: SLOT.start }),
        }),
      }),
    );
    const { user } = renderApp({ url: '/coaches/coach-1/book', user: viewer });
    const confirm = await reachConfirm(user, /Career deep dive/);

    const choice = await within(confirm).findByRole('group', { name: 'How do you pay?' });
    expect(within(choice).getByRole('radio', { name: 'Pay for this session' })).toBeChecked();
    await user.click(
      within(choice).getByRole('radio', {
        name: 'Use a package credit (3 left, until June 1, 2026)',
      }),
    );
    expect(within(confirm).getByTestId('credit-covered')).toHaveTextContent(
      'This session is covered by your package Five pack: nothing more to pay.',
    );
    await user.click(within(confirm).getByRole('button', { name: 'Request this session' }));

    expect(await screen.findByTestId('booking-success')).toBeInTheDocument();
    expect(bookingPosts(requests)).toHaveLength(1);
    expect(bookingPosts(requests)[0]).toMatchObject({
      body: {
        coachId: 'coach-1',
        sessionTypeId: 'type-1',
        start: SLOT.start,
        useCredit: true,
      },
    });
  });

  it('books without useCredit when the client pays as usual', async () => {
    const { requests } = installFakeApi(
      routes(() => [credit()], {
        'POST /bookings': () => ({ status: 201, data: makeBooking({ coach, start: SLOT.start }) }),
      }),
    );
    const { user } = renderApp({ url: '/coaches/coach-1/book', user: viewer });
    const confirm = await reachConfirm(user, /Career deep dive/);
    await within(confirm).findByRole('group', { name: 'How do you pay?' });

    await user.click(within(confirm).getByRole('button', { name: 'Request this session' }));
    await screen.findByTestId('booking-success');
    expect(bookingPosts(requests)[0]?.body).not.toHaveProperty('useCredit');
  });

  it('offers no credit for a session type the package does not cover, or of another coach', async () => {
    installFakeApi(
      routes(() => [
        credit({ sessionTypeIds: ['type-1'] }),
        credit({ coachId: 'coach-9', packageId: 'p9', purchaseId: 'purchase-9' }),
        credit({
          packageId: 'p3',
          purchaseId: 'purchase-3',
          expiresAt: '2026-05-01T00:00:00.000Z',
        }),
      ]),
    );
    const { user } = renderApp({ url: '/coaches/coach-1/book', user: viewer });
    const confirm = await reachConfirm(user, /Quick check-in/);

    await within(confirm).findByTestId('quote');
    expect(
      within(confirm).queryByRole('group', { name: 'How do you pay?' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByTestId('credit-choice')).not.toBeInTheDocument();
  });

  it('says clearly when the credit is gone meanwhile (409), and takes the choice away', async () => {
    let credits = [credit({ remaining: 1 })];
    installFakeApi(
      routes(() => credits, {
        'POST /bookings': () => {
          credits = [];
          return apiErrorReply(409, 'NO_CREDIT_AVAILABLE');
        },
      }),
    );
    const { user } = renderApp({ url: '/coaches/coach-1/book', user: viewer });
    const confirm = await reachConfirm(user, /Career deep dive/);
    await user.click(
      await within(confirm).findByRole('radio', {
        name: 'Use a package credit (1 left, until June 1, 2026)',
      }),
    );
    await user.click(within(confirm).getByRole('button', { name: 'Request this session' }));

    expect(await within(confirm).findByRole('alert')).toHaveTextContent(
      'You have no package credit left for this session with this coach. Choose to pay for it instead.',
    );
    await waitFor(() => expect(screen.queryByTestId('credit-choice')).not.toBeInTheDocument());
    // The message stays until the client tries again, now paying as usual.
    expect(within(confirm).getByRole('alert')).toHaveTextContent('Choose to pay for it instead.');
  });
});
