import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRequest, FakeRoutes } from '@/testing/fake-api';
import { makeAvailability, makeBooking, makeSessionType } from '@/testing/booking-fixtures';
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

const coach = makeCoach({ _id: 'coach-1', timeZone: 'Europe/Berlin' });
const viewer = makeUser({ timeZone: 'America/New_York' });
const sessionType = makeSessionType();
const slot = (start: string) => ({
  start,
  end: new Date(Date.parse(start) + 3_600_000).toISOString(),
});
/** Three slots: 04:00, 09:00 and 23:30 on Wednesday 6 May in New York. */
const MAY_SLOTS = [
  slot('2026-05-06T08:00:00.000Z'),
  slot('2026-05-06T13:00:00.000Z'),
  slot('2026-05-07T03:30:00.000Z'),
];

const routes = (slots: () => ReturnType<typeof slot>[], extra: FakeRoutes = {}): FakeRoutes => ({
  // The profile lists the session types a client can book: the page asks for nothing else.
  'GET /coaches/coach-1': () => ({ status: 200, data: { ...coach, sessionTypes: [sessionType] } }),
  'GET /availability/coach-1': () => ({ status: 200, data: makeAvailability() }),
  'GET /coaches/coach-1/slots': () => ({
    status: 200,
    data: { timeZone: 'America/New_York', coachTimeZone: 'Europe/Berlin', slots: slots() },
  }),
  'POST /prices/quote': () => ({
    status: 200,
    data: {
      amount: 7200,
      currency: 'EUR',
      lines: [
        { kind: 'base', label: 'Career deep dive', amount: 9000 },
        { kind: 'first_session', label: 'Welcome', amount: -1800, discountId: 'd1' },
      ],
      history: { completedSessions: 0, firstSession: true },
    },
  }),
  ...extra,
});

const slotRequests = (requests: FakeRequest[]) =>
  requests.filter((request) => request.url === '/coaches/coach-1/slots');

const openWednesday = async (user: ReturnType<typeof renderApp>['user']) => {
  const day = await screen.findByRole('button', {
    name: 'Wednesday, May 6, 2026, 3 free times',
  });
  await user.click(day);
  return screen.getByRole('group', { name: 'Free times on Wednesday, May 6, 2026' });
};

// Whole flows, key by key, with the page compiled on first visit: more than the default 5 s on CI.
describe('BookSessionPage', { timeout: 15_000 }, () => {
  it("shows the coach's free times in the viewer's time zone, with the coach's time beside", async () => {
    const { requests } = installFakeApi(routes(() => MAY_SLOTS));
    const { user } = renderApp({ url: '/coaches/coach-1/book', user: viewer });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Book a session with Carla Jensen' }),
    ).toBeVisible();
    // The only session type is chosen already; the month is asked for in the viewer's zone.
    expect(await screen.findByRole('radio', { name: /Career deep dive/ })).toBeChecked();
    const times = await openWednesday(user);
    expect(slotRequests(requests)[0]?.params).toEqual({
      sessionTypeId: 'type-1',
      timeZone: 'America/New_York',
      from: '2026-05-01T04:00:00.000Z',
      to: '2026-06-01T04:00:00.000Z',
    });
    expect(screen.getByTestId('viewer-time-zone')).toHaveTextContent(
      'Times are shown in your time zone, America/New_York.',
    );
    expect(screen.getByTestId('coach-time-zone')).toHaveTextContent(
      'Carla is in Europe/Berlin, where it is',
    );

    // 03:30 UTC on 7 May is still 6 May in New York.
    const labels = within(times)
      .getAllByRole('radio')
      .map((radio) => radio.closest('label')?.textContent?.replace(/\s+/g, ' '));
    expect(labels).toEqual([
      '4:00 AM 10:00 AM for Carla',
      '9:00 AM 3:00 PM for Carla',
      '11:30 PM 5:30 AM for Carla',
    ]);
    // Days without free times cannot be picked.
    expect(
      screen.getByRole('button', { name: 'Tuesday, May 5, 2026, no free times' }),
    ).toHaveAttribute('aria-disabled', 'true');

    await user.click(within(times).getByRole('radio', { name: /9:00\sAM/ }));
    const confirm = await screen.findByTestId('booking-confirm');
    expect(within(confirm).getByTestId('booking-summary')).toHaveTextContent(
      /Career deep dive on Wednesday, May 6, 2026 at 9:00\sAM/,
    );
    const quote = await within(confirm).findByTestId('quote');
    expect(quote).toHaveTextContent('SessionCareer deep dive€90.00');
    expect(quote).toHaveTextContent('First-session discountWelcome-€18.00');
    expect(within(quote).getByTestId('quote-total')).toHaveTextContent('€72.00');
    expect(within(confirm).getByTestId('quote-history')).toHaveTextContent(
      'Your first session with this coach.',
    );
  });

  it("takes the session types from the coach's profile, without a second request", async () => {
    const { requests } = installFakeApi(routes(() => MAY_SLOTS));
    renderApp({ url: '/coaches/coach-1/book', user: viewer });

    expect(await screen.findByRole('radio', { name: /Career deep dive/ })).toBeChecked();
    expect(requests.map((request) => request.url)).not.toContain('/coaches/coach-1/session-types');
  });

  it('says the time was just taken and offers fresh slots after a 409', async () => {
    let slots = MAY_SLOTS;
    const { requests } = installFakeApi(
      routes(() => slots, {
        'POST /bookings': () => {
          slots = MAY_SLOTS.filter((candidate) => candidate.start !== MAY_SLOTS[1]?.start);
          return apiErrorReply(409, 'BOOKING_CONFLICT');
        },
      }),
    );
    const { user } = renderApp({ url: '/coaches/coach-1/book', user: viewer });
    const times = await openWednesday(user);
    await user.click(within(times).getByRole('radio', { name: /9:00\sAM/ }));
    await user.click(await screen.findByRole('button', { name: 'Request this session' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This time was just taken. Please pick another one. The free times below are up to date again.',
    );
    await waitFor(() => expect(slotRequests(requests)).toHaveLength(2));
    expect(
      await screen.findByRole('button', { name: 'Wednesday, May 6, 2026, 2 free times' }),
    ).toBeInTheDocument();
    const fresh = screen.getByRole('group', { name: 'Free times on Wednesday, May 6, 2026' });
    expect(within(fresh).queryByRole('radio', { name: /9:00\sAM/ })).not.toBeInTheDocument();
    expect(within(fresh).getAllByRole('radio')).toHaveLength(2);
    expect(screen.queryByTestId('booking-confirm')).not.toBeInTheDocument();
  });

  it('retries a failed booking with the same Idempotency-Key, then shows it is pending', async () => {
    let attempts = 0;
    const { requests } = installFakeApi(
      routes(() => MAY_SLOTS, {
        'POST /bookings': (request) => {
          attempts += 1;
          if (attempts === 1) return { status: 503 };
          return {
            status: 201,
            data: makeBooking({
              _id: 'booking-9',
              start: (request.body as { start: string }).start,
              coach,
            }),
          };
        },
      }),
    );
    const { user } = renderApp({ url: '/coaches/coach-1/book', user: viewer });
    const times = await openWednesday(user);
    await user.click(within(times).getByRole('radio', { name: /4:00\sAM/ }));
    await user.type(await screen.findByLabelText('Notes for Carla'), 'My first team');
    await user.click(screen.getByRole('button', { name: 'Request this session' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong on our side. Please try again.',
    );

    await user.click(screen.getByRole('button', { name: 'Request this session' }));
    expect(await screen.findByRole('heading', { name: 'Request sent' })).toBeInTheDocument();
    expect(screen.getByTestId('booking-status')).toHaveTextContent('Awaiting confirmation');

    const posts = requests.filter((request) => request.url === '/bookings');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.body).toEqual({
      coachId: 'coach-1',
      sessionTypeId: 'type-1',
      start: '2026-05-06T08:00:00.000Z',
      notes: 'My first team',
    });
    const keys = posts.map((post) => post.headers.get('Idempotency-Key'));
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(keys[1]).toBe(keys[0]);
  });

  it('moves through the calendar with the keyboard', async () => {
    installFakeApi(routes(() => MAY_SLOTS));
    const { user } = renderApp({ url: '/coaches/coach-1/book', user: viewer });
    const wednesday = await screen.findByRole('button', {
      name: 'Wednesday, May 6, 2026, 3 free times',
    });
    // The first day with free times is the grid's one tab stop.
    expect(wednesday).toHaveAttribute('tabindex', '0');
    wednesday.focus();
    await user.keyboard('{ArrowRight}');
    expect(
      screen.getByRole('button', { name: 'Thursday, May 7, 2026, no free times' }),
    ).toHaveFocus();
    await user.keyboard('{ArrowLeft}{Enter}');
    expect(
      screen.getByRole('group', { name: 'Free times on Wednesday, May 6, 2026' }),
    ).toBeInTheDocument();
    await user.keyboard('{PageDown}');
    expect(await screen.findByRole('heading', { name: 'June 2026' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Saturday, June 6, 2026/ })).toHaveFocus();
  });
});
