import type { UserDTO } from '@coachhub/shared/user';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeBooking } from '@/testing/booking-fixtures';
import { pretendBrowserTimeZone } from '@/testing/browser-time-zone';
import { installFakeApi } from '@/testing/fake-api';
import { makeCoach, makePage, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const openDashboard = async (user: UserDTO) => {
  const view = renderApp({ url: '/dashboard', user, upcomingSessions: null });
  await screen.findByTestId('dashboard-greeting');
  return view;
};

const emptyBookings = () => ({ status: 200, data: makePage([]) });

describe('dashboard: time zone notice', () => {
  it("offers to switch to the device's zone and saves it on the account", async () => {
    pretendBrowserTimeZone('Europe/Berlin');
    const { requests } = installFakeApi({
      'GET /bookings': emptyBookings,
      'PATCH /users/me': (request) => ({
        status: 200,
        data: makeUser({ ...(request.body as Partial<UserDTO>) }),
      }),
    });
    const { user } = await openDashboard(makeUser({ timeZone: 'UTC' }));

    const notice = screen.getByRole('region', { name: 'Time zone' });
    expect(notice).toHaveAccessibleDescription(
      'This device is set to Europe/Berlin, your account to UTC. Dates and times are shown in UTC.',
    );
    await user.click(within(notice).getByRole('button', { name: 'Switch to Europe/Berlin' }));

    expect(await screen.findByText('Time zone: Europe/Berlin')).toBeInTheDocument();
    expect(screen.queryByTestId('time-zone-notice')).not.toBeInTheDocument();
    expect(screen.getByTestId('notification')).toHaveTextContent(
      'Your time zone is now Europe/Berlin.',
    );
    expect(requests.filter((request) => request.method === 'PATCH')).toMatchObject([
      { url: '/users/me', body: { timeZone: 'Europe/Berlin' } },
    ]);
  });

  it('remembers "keep" for that device zone, and asks again in another one', async () => {
    pretendBrowserTimeZone('Europe/Berlin');
    const { requests } = installFakeApi({ 'GET /bookings': emptyBookings });
    const first = await openDashboard(makeUser({ timeZone: 'UTC' }));

    await first.user.click(screen.getByRole('button', { name: 'Keep UTC' }));
    expect(screen.queryByTestId('time-zone-notice')).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'PATCH')).toHaveLength(0);
    first.unmount();

    const second = await openDashboard(makeUser({ timeZone: 'UTC' }));
    expect(screen.queryByTestId('time-zone-notice')).not.toBeInTheDocument();
    second.unmount();

    pretendBrowserTimeZone('America/New_York');
    await openDashboard(makeUser({ timeZone: 'UTC' }));
    expect(await screen.findByRole('button', { name: 'Switch to America/New_York' })).toBeVisible();
  });

  it('stays away while the account already uses the device zone', async () => {
    pretendBrowserTimeZone('Europe/Berlin');
    installFakeApi({ 'GET /bookings': emptyBookings });
    await openDashboard(makeUser({ timeZone: 'Europe/Berlin' }));
    expect(screen.queryByTestId('time-zone-notice')).not.toBeInTheDocument();
  });
});

describe('dashboard: greeting and upcoming sessions', () => {
  it('welcomes a new account and welcomes back an older one', async () => {
    installFakeApi({ 'GET /bookings': emptyBookings });
    const fresh = await openDashboard(makeUser({ createdAt: new Date().toISOString() }));
    expect(screen.getByTestId('dashboard-greeting')).toHaveTextContent('Welcome, Ada!');
    fresh.unmount();

    const longAgo = new Date(Date.now() - 2 * 24 * 3_600_000).toISOString();
    await openDashboard(makeUser({ createdAt: longAgo }));
    expect(screen.getByTestId('dashboard-greeting')).toHaveTextContent('Welcome back, Ada!');
  });

  it("lists a client's next sessions in the sessions card, leaving out cancelled ones", async () => {
    pretendBrowserTimeZone('Europe/Berlin');
    const marco = makeCoach({ _id: 'coach-2', firstName: 'Marco', lastName: 'Rossi' });
    const { requests } = installFakeApi({
      'GET /bookings': () => ({
        status: 200,
        data: makePage([
          makeBooking({ _id: 'b1', status: 'confirmed' }),
          makeBooking({
            _id: 'b2',
            status: 'cancelled',
            start: '2026-05-07T08:00:00.000Z',
            end: '2026-05-07T09:00:00.000Z',
          }),
          makeBooking({
            _id: 'b3',
            status: 'pending',
            coach: marco,
            start: '2026-05-08T08:00:00.000Z',
            end: '2026-05-08T09:00:00.000Z',
          }),
          makeBooking({
            _id: 'b4',
            status: 'confirmed',
            start: '2026-05-09T08:00:00.000Z',
            end: '2026-05-09T09:00:00.000Z',
          }),
        ]),
      }),
    });
    await openDashboard(makeUser());

    const card = screen.getByRole('link', { name: 'Upcoming sessions' }).closest('li');
    expect(card).not.toBeNull();
    const list = await within(card as HTMLElement).findByRole('list', {
      name: 'Your upcoming sessions',
    });
    const items = within(list).getAllByTestId('upcoming-session');
    expect(items.map((item) => item.textContent)).toEqual([
      'May 6, 2026, 10:00 AMCareer deep dive with Carla JensenConfirmed',
      'May 8, 2026, 10:00 AMCareer deep dive with Marco RossiAwaiting confirmation',
      'May 9, 2026, 10:00 AMCareer deep dive with Carla JensenConfirmed',
    ]);
    expect(screen.queryByText('Your booked sessions will appear here.')).not.toBeInTheDocument();
    expect(requests[0]).toMatchObject({
      url: '/bookings',
      params: { role: 'client', order: 'asc', page: 1 },
    });
  });

  it("lists a coach's sessions with their clients", async () => {
    const { requests } = installFakeApi({
      'GET /bookings': () => ({
        status: 200,
        data: makePage([makeBooking({ status: 'confirmed' })]),
      }),
    });
    await openDashboard(makeUser({ role: 'coach', _id: 'coach-1' }));

    const list = await screen.findByRole('list', { name: 'Your upcoming sessions' });
    expect(within(list).getByTestId('upcoming-session')).toHaveTextContent(
      'Career deep dive with your client Ada Lovelace',
    );
    expect(requests[0]?.params).toMatchObject({ role: 'coach' });
  });

  it('says when nothing is booked yet', async () => {
    installFakeApi({ 'GET /bookings': emptyBookings });
    await openDashboard(makeUser());
    expect(await screen.findByTestId('upcoming-sessions-empty')).toHaveTextContent(
      'No upcoming sessions yet. Find a coach and book your first one.',
    );
  });
});
