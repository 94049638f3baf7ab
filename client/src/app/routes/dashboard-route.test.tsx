import type { UserDTO } from '@coachhub/shared/user';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { pretendBrowserTimeZone } from '@/testing/browser-time-zone';
import { installFakeApi } from '@/testing/fake-api';
import type { FakeRoutes } from '@/testing/fake-api';
import { makePage, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

let api: ReturnType<typeof installFakeApi> | undefined;
const fakeApi = (routes: FakeRoutes) => {
  api = installFakeApi(routes);
  return api;
};
afterEach(() => api?.restore());

const openDashboard = async (user: UserDTO) => {
  const view = renderApp({ url: '/dashboard', user });
  await screen.findByTestId('dashboard-greeting');
  return view;
};

const emptyBookings = () => ({ status: 200, data: makePage([]) });

describe('dashboard: time zone notice', () => {
  it("offers to switch to the device's zone and saves it on the account", async () => {
    pretendBrowserTimeZone('Europe/Berlin');
    const { requests } = fakeApi({
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
    const { requests } = fakeApi({ 'GET /bookings': emptyBookings });
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
    fakeApi({ 'GET /bookings': emptyBookings });
    await openDashboard(makeUser({ timeZone: 'Europe/Berlin' }));
    expect(screen.queryByTestId('time-zone-notice')).not.toBeInTheDocument();
  });
});
