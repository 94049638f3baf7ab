import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { makeBooking } from '@/testing/booking-fixtures';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRoutes } from '@/testing/fake-api';
import { makePage, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';
import { makeReview } from '@/testing/review-fixtures';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-04T08:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const client = makeUser();
const completed = makeBooking({
  _id: 'booking-7',
  status: 'completed',
  start: '2026-04-28T08:00:00.000Z',
  end: '2026-04-28T09:00:00.000Z',
  allowedActions: [],
});
const noReview = { status: 200, data: makePage([], { limit: 1 }) };

const openPastBookings = async (routes: FakeRoutes) => {
  const fake = installFakeApi({
    'GET /bookings': () => ({ status: 200, data: makePage([completed]) }),
    ...routes,
  });
  const view = renderApp({ url: '/bookings?scope=past', user: client });
  const card = await screen.findByTestId('booking-card');
  return { ...view, ...fake, card };
};

describe('reviewing a completed session from My bookings', () => {
  it('writes a review with stars, detail ratings and a comment, then shows "Reviewed"', async () => {
    const review = makeReview({ _id: 'review-9', bookingId: 'booking-7', rating: 4 });
    const { requests, card, user } = await openPastBookings({
      'GET /reviews/mine': () => noReview,
      'POST /reviews': () => ({ status: 201, data: review }),
    });
    await user.click(
      await within(card).findByRole('button', {
        name: 'Write a review of your session with Carla Jensen',
      }),
    );
    const form = within(card).getByRole('form', {
      name: 'Review your session with Carla Jensen',
    });
    expect(form).toContainElement(document.activeElement as HTMLElement);

    // Without stars it says what is missing and sends nothing.
    await user.click(within(form).getByRole('button', { name: 'Publish review' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Choose from 1 to 5 stars.');
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    const overall = within(form).getByRole('group', { name: 'Your rating' });
    expect(
      within(overall)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['1', '2', '3', '4', '5']);
    await user.click(within(overall).getByRole('radio', { name: '4 stars' }));
    expect(within(overall).getByRole('radio', { name: '4 stars' })).toBeChecked();
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    const communication = within(form).getByRole('group', { name: 'Communication' });
    await user.click(within(communication).getByRole('radio', { name: '5 stars' }));
    const value = within(form).getByRole('group', { name: 'Value for money' });
    await user.click(within(value).getByRole('radio', { name: '2 stars' }));
    await user.click(
      within(value).getByRole('button', { name: 'Clear the Value for money rating' }),
    );
    expect(within(value).getByRole('radio', { name: '2 stars' })).not.toBeChecked();

    const comment = within(form).getByRole('textbox', { name: 'Comment (optional)' });
    expect(comment).toHaveAccessibleDescription('0 of 2,000 characters.');
    await user.type(comment, '  Very helpful!  ');
    expect(comment).toHaveAccessibleDescription('13 of 2,000 characters.');
    await user.click(within(form).getByRole('button', { name: 'Publish review' }));

    expect(await within(card).findByTestId('booking-reviewed')).toHaveTextContent('Reviewed');
    expect(within(card).getByRole('img', { name: '4 out of 5 stars' })).toBeVisible();
    expect(within(card).queryByRole('button', { name: /Write a review/ })).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST').map((r) => r.body)).toEqual([
      {
        bookingId: 'booking-7',
        rating: 4,
        comment: 'Very helpful!',
        ratings: { communication: 5 },
      },
    ]);
    expect(await screen.findByText('Thank you! Your review is published.')).toBeVisible();
  });

  it('shows "Reviewed" for a session the client has reviewed, and asks by booking', async () => {
    const { requests, card } = await openPastBookings({
      'GET /reviews/mine': () => ({
        status: 200,
        data: makePage([makeReview({ bookingId: 'booking-7', rating: 3 })], { limit: 1 }),
      }),
    });
    expect(await within(card).findByTestId('booking-reviewed')).toHaveTextContent('Reviewed');
    expect(within(card).getByRole('img', { name: '3 out of 5 stars' })).toBeVisible();
    expect(requests.find((request) => request.url === '/reviews/mine')?.params).toEqual({
      bookingId: 'booking-7',
      limit: 1,
    });
  });

  it('refuses a comment longer than 2,000 characters before sending', async () => {
    const { requests, card, user } = await openPastBookings({
      'GET /reviews/mine': () => noReview,
    });
    await user.click(await within(card).findByRole('button', { name: /Write a review/ }));
    const form = within(card).getByRole('form');
    const overall = within(form).getByRole('group', { name: 'Your rating' });
    await user.click(within(overall).getByRole('radio', { name: '5 stars' }));
    await user.click(within(form).getByRole('textbox', { name: 'Comment (optional)' }));
    await user.paste('x'.repeat(2001));
    await user.click(within(form).getByRole('button', { name: 'Publish review' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Use at most 2000 characters.');
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('says why the server refused, e.g. a session reviewed meanwhile', async () => {
    const { card, user } = await openPastBookings({
      'GET /reviews/mine': () => noReview,
      'POST /reviews': () => apiErrorReply(409, 'ALREADY_REVIEWED'),
    });
    await user.click(await within(card).findByRole('button', { name: /Write a review/ }));
    const form = within(card).getByRole('form');
    const overall = within(form).getByRole('group', { name: 'Your rating' });
    await user.click(within(overall).getByRole('radio', { name: '5 stars' }));
    await user.click(within(form).getByRole('button', { name: 'Publish review' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'You have already reviewed this session.',
    );
  });

  it('offers no review for a session that did not take place, nor to the coach', async () => {
    const cancelled = makeBooking({ _id: 'booking-8', status: 'cancelled', allowedActions: [] });
    installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([cancelled, completed]) }),
      'GET /reviews/mine': () => noReview,
    });
    const view = renderApp({ url: '/bookings?scope=past', user: client });
    const [first, second] = await screen.findAllByTestId('booking-card');
    expect(
      await within(second as HTMLElement).findByRole('button', { name: /Write a review/ }),
    ).toBeVisible();
    expect(
      within(first as HTMLElement).queryByRole('button', { name: /Write a review/ }),
    ).toBeNull();
    view.unmount();

    renderApp({ url: '/bookings?scope=past', user: makeUser({ _id: 'coach-1', role: 'coach' }) });
    const [, coachCard] = await screen.findAllByTestId('booking-card');
    expect(within(coachCard as HTMLElement).getByTestId('booking-status')).toHaveTextContent(
      'Completed',
    );
    expect(screen.queryByRole('button', { name: /Write a review/ })).toBeNull();
  });

  it('speaks German', async () => {
    installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([completed]) }),
      'GET /reviews/mine': () => noReview,
    });
    const { user } = renderApp({ url: '/bookings?scope=past', user: makeUser({ locale: 'de' }) });
    await user.click(await screen.findByRole('button', { name: /Bewertung schreiben/ }));
    const overall = screen.getByRole('group', { name: 'Deine Bewertung' });
    expect(within(overall).getByRole('radio', { name: '1 Stern' })).toBeInTheDocument();
    expect(within(overall).getByRole('radio', { name: '5 Sterne' })).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: 'Kommentar (freiwillig)' }),
    ).toHaveAccessibleDescription('0 von 2.000 Zeichen.');
  });
});
