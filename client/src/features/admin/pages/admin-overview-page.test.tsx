import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeAdminStats } from '@/testing/admin-fixtures';
import { renderApp } from '@/testing/render-app';

import { adminUser, withFakeAdminApi } from './admin-test-api';

const fakeApi = withFakeAdminApi();

describe('AdminOverviewPage', () => {
  it('shows the figures and the per-day charts as tables, under the admin sub-navigation', async () => {
    fakeApi({ 'GET /admin/stats': () => ({ status: 200, data: makeAdminStats() }) });
    renderApp({ url: '/admin', user: adminUser });

    const figures = await screen.findByTestId('admin-figures');
    expect(screen.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    expect(figures).toHaveTextContent('Accounts120');
    expect(figures).toHaveTextContent('suspended: 3');
    expect(figures).toHaveTextContent('waiting: 4');
    expect(screen.getByTestId('open-reports')).toHaveTextContent('7');
    expect(
      within(screen.getByTestId('open-reports')).getByRole('link', {
        name: 'Go to the report queue',
      }),
    ).toHaveAttribute('href', '/admin/reports');

    const bookings = screen.getByRole('table', { name: 'Bookings per day (last 30 days, UTC)' });
    expect(within(bookings).getAllByRole('row')).toHaveLength(31);
    const users = screen.getByRole('table', { name: 'New accounts per day (last 30 days, UTC)' });
    expect(within(users).getAllByRole('row')[30]).toHaveTextContent('Jun 306');

    const sections = screen.getByRole('navigation', { name: 'Administration' });
    expect(within(sections).getByRole('link', { name: 'Overview' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(
      within(sections)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Overview',
      'Users',
      'Coach verification',
      'Reports',
      'Reviews',
      'Bookings',
      'Audit log',
    ]);
  });

  it('is no longer a placeholder, and is in German too', async () => {
    fakeApi({ 'GET /admin/stats': () => ({ status: 200, data: makeAdminStats() }) });
    renderApp({ url: '/admin', user: { ...adminUser, locale: 'de' } });
    await waitFor(() => expect(screen.getByTestId('admin-figures')).toHaveTextContent('Konten120'));
    expect(screen.queryByTestId('coming-soon')).not.toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Buchungen pro Tag (letzte 30 Tage, UTC)' }),
    ).toBeInTheDocument();
  });
});
