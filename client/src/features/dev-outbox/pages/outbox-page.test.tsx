import type { OutboxMailDTO } from '@coachhub/shared/notification';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-04T08:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const makeMail = (overrides: Partial<OutboxMailDTO> = {}): OutboxMailDTO => ({
  _id: 'mail-1',
  to: 'carla@example.com',
  subject: 'New request: Career deep dive',
  text: 'Ada Lovelace asked for “Career deep dive” on May 6, 2026, 10:00 AM.',
  html: '<p>Ada Lovelace asked for <b>Career deep dive</b>.</p>',
  attachments: [],
  createdAt: '2026-05-04T07:55:00.000Z',
  ...overrides,
});

const request = makeMail();
const confirmed = makeMail({
  _id: 'mail-2',
  to: 'ada@example.com',
  subject: 'Confirmed: Career deep dive',
  text: 'Carla Jensen confirmed your session.',
  html: '<p>Carla Jensen confirmed your session.</p>',
  attachments: [{ filename: 'session.ics', contentType: 'text/calendar' }],
  createdAt: '2026-05-03T08:00:00.000Z',
});

const openOutbox = async (mails: OutboxMailDTO[]) => {
  const fake = installFakeApi({ 'GET /dev/outbox': () => ({ status: 200, data: mails }) });
  const view = renderApp({ url: '/dev/outbox' });
  const list = await screen.findByRole('list', { name: 'Mails' });
  return { ...view, ...fake, list };
};

describe('OutboxPage', () => {
  it('lists the mails and shows the newest: its text, its HTML sandboxed, its attachments', async () => {
    const { user, list, requests } = await openOutbox([request, confirmed]);

    expect(requests).toMatchObject([{ method: 'GET', url: '/dev/outbox' }]);
    expect(screen.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
    expect(
      within(list)
        .getAllByRole('button')
        .map((item) => item.textContent),
    ).toEqual([
      'New request: Career deep divecarla@example.com5 minutes ago',
      'Confirmed: Career deep diveada@example.comyesterday',
    ]);
    const [first, second] = within(list).getAllByRole('button');
    expect(first).toHaveAttribute('aria-current', 'true');

    const mail = screen.getByTestId('outbox-mail');
    expect(within(mail).getByRole('heading', { level: 2 })).toHaveTextContent(request.subject);
    expect(within(mail).getByTestId('outbox-mail-to')).toHaveTextContent('carla@example.com');
    expect(within(mail).getByTestId('outbox-mail-text')).toHaveTextContent(request.text);
    const frame = within(mail).getByTitle('HTML version of “New request: Career deep dive”');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', request.html);
    expect(within(mail).queryByTestId('outbox-mail-attachments')).not.toBeInTheDocument();

    await user.click(second!);

    expect(second).toHaveAttribute('aria-current', 'true');
    expect(first).not.toHaveAttribute('aria-current');
    const chosen = screen.getByTestId('outbox-mail');
    expect(within(chosen).getByTestId('outbox-mail-text')).toHaveTextContent(
      'Carla Jensen confirmed your session.',
    );
    expect(within(chosen).getByTestId('outbox-mail-attachments')).toHaveTextContent(
      'session.ics (text/calendar)',
    );
    // Found through the README, not the navigation.
    expect(screen.queryByRole('link', { name: /outbox/i })).not.toBeInTheDocument();
  });

  it('asks the server again on refresh and keeps the chosen mail', async () => {
    let mails = [request, confirmed];
    const { requests } = installFakeApi({
      'GET /dev/outbox': () => ({ status: 200, data: mails }),
    });
    const { user } = renderApp({ url: '/dev/outbox' });
    const list = await screen.findByRole('list', { name: 'Mails' });
    await user.click(within(list).getByRole('button', { name: /^Confirmed/ }));

    const reminder = makeMail({
      _id: 'mail-3',
      subject: 'Reminder: Career deep dive',
      createdAt: '2026-05-04T07:59:40.000Z',
    });
    mails = [reminder, ...mails];
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(await within(list).findByRole('button', { name: /^Reminder/ })).toHaveTextContent('now');
    expect(requests).toHaveLength(2);
    expect(
      within(screen.getByTestId('outbox-mail')).getByRole('heading', { level: 2 }),
    ).toHaveTextContent('Confirmed: Career deep dive');
  });

  it('says so when there are no mails yet', async () => {
    installFakeApi({ 'GET /dev/outbox': () => ({ status: 200, data: [] }) });
    renderApp({ url: '/dev/outbox' });
    expect(await screen.findByTestId('outbox-empty')).toHaveTextContent('No mails yet.');
  });

  it('explains a server without an outbox (production, or SMTP_URL set): it answers 404', async () => {
    installFakeApi({ 'GET /dev/outbox': () => apiErrorReply(404, 'ROUTE_NOT_FOUND') });
    renderApp({ url: '/dev/outbox' });

    const unavailable = await screen.findByTestId('outbox-unavailable');
    expect(within(unavailable).getByRole('heading')).toHaveTextContent(
      'The outbox is not available',
    );
    expect(unavailable).toHaveTextContent('SMTP_URL is set');
    expect(screen.queryByRole('list', { name: 'Mails' })).not.toBeInTheDocument();
  });
});
