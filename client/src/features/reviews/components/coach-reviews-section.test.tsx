import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { installFakeApi } from '@/testing/fake-api';
import type { FakeRequest } from '@/testing/fake-api';
import { makeCoach, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';
import { makeCoachReviewsPage, makeReview } from '@/testing/review-fixtures';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-04T08:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const carla = { ...makeCoach(), sessionTypes: [] };
const distribution = { 1: 1, 2: 0, 3: 2, 4: 9, 5: 40 };
const first = makeReview({
  _id: 'r-1',
  reviewer: { _id: 'u-1', displayName: 'Lena F.', profilePicture: null },
  rating: 4,
  ratings: { communication: 5, punctuality: 3 },
  comment: 'Clear, warm and practical.',
  createdAt: '2026-04-20T10:00:00.000Z',
  response: {
    body: 'Thank you, Lena!',
    createdAt: '2026-04-21T10:00:00.000Z',
    editedAt: '2026-04-21T11:00:00.000Z',
    editableUntil: '2026-04-22T10:00:00.000Z',
  },
});
const second = makeReview({
  _id: 'r-2',
  reviewer: { _id: 'u-2', displayName: 'Tom B.', profilePicture: null },
  rating: 5,
  comment: '',
});
const older = makeReview({
  _id: 'r-3',
  reviewer: { _id: 'u-3', displayName: 'Anna S.', profilePicture: null },
});
const page = (items: (typeof first)[], pageNumber: number) =>
  makeCoachReviewsPage(items, {
    page: pageNumber,
    limit: 2,
    total: 3,
    distribution,
    average: 4.8,
    count: 52,
  });

const reviewsOfCarla = (request: FakeRequest) => ({
  status: 200,
  data: request.params.page === 2 ? page([older], 2) : page([first, second], 1),
});

describe('CoachReviewsSection on the coach profile', () => {
  it('shows the rating, the distribution and the reviews, and loads more on request', async () => {
    const { requests } = installFakeApi({
      'GET /coaches/coach-1': () => ({ status: 200, data: carla }),
      'GET /coaches/coach-1/reviews': reviewsOfCarla,
    });
    const { user } = renderApp({ url: '/coaches/coach-1' });
    const section = await screen.findByRole('region', { name: 'Reviews' });
    const summary = await within(section).findByTestId('rating-summary');
    expect(summary).toHaveTextContent('4.8');
    expect(summary).toHaveTextContent('52 reviews');
    expect(within(summary).getByRole('img', { name: '4.8 out of 5 stars' })).toBeVisible();
    const bars = within(summary).getByRole('list', { name: 'How clients rated' });
    expect(
      within(bars)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual([
      '5 stars40 reviews',
      '4 stars9 reviews',
      '3 stars2 reviews',
      '2 stars0 reviews',
      '1 star1 review',
    ]);

    const list = within(section).getByRole('list', { name: 'Reviews of Carla Jensen' });
    const [lena, tom] = within(list).getAllByRole('article');
    expect(within(lena as HTMLElement).getByRole('heading', { name: 'Lena F.' })).toBeVisible();
    expect(
      within(lena as HTMLElement).getByRole('img', { name: '4 out of 5 stars' }),
    ).toBeVisible();
    const details = (lena as HTMLElement).querySelector('dl') as HTMLElement;
    expect(
      within(details)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Communication', 'Punctuality']);
    expect(
      within(details)
        .getAllByRole('img')
        .map((stars) => stars.getAttribute('aria-label')),
    ).toEqual(['5 out of 5 stars', '3 out of 5 stars']);
    expect(lena).toHaveTextContent('Clear, warm and practical.');
    expect(lena).toHaveTextContent('April 20, 2026');
    expect(within(lena as HTMLElement).getByTestId('review-reply')).toHaveTextContent(
      'Reply from Carla Jensen · editedThank you, Lena!',
    );
    expect(within(tom as HTMLElement).queryByTestId('review-reply')).toBeNull();
    // Visitors cannot reply.
    expect(within(section).queryByRole('button', { name: /Reply/ })).toBeNull();

    await user.click(within(section).getByRole('button', { name: 'Show more reviews' }));
    expect(await within(list).findByRole('heading', { name: 'Anna S.' })).toBeVisible();
    expect(within(list).getAllByRole('article')).toHaveLength(3);
    expect(within(section).queryByRole('button', { name: 'Show more reviews' })).toBeNull();
    expect(
      requests.filter((r) => r.url === '/coaches/coach-1/reviews').map((r) => r.params),
    ).toEqual([
      { page: 1, limit: 5 },
      { page: 2, limit: 5 },
    ]);
  });

  it('says when a coach has no reviews yet', async () => {
    installFakeApi({
      'GET /coaches/coach-1': () => ({
        status: 200,
        data: { ...carla, rating: { average: 0, count: 0 } },
      }),
      'GET /coaches/coach-1/reviews': () => ({ status: 200, data: makeCoachReviewsPage([]) }),
    });
    renderApp({ url: '/coaches/coach-1', user: makeUser({ locale: 'de' }) });
    const section = await screen.findByRole('region', { name: 'Bewertungen' });
    expect(await within(section).findByTestId('reviews-empty')).toHaveTextContent(
      'Noch keine Bewertungen.',
    );
  });

  it('lets the coach reply on their own page, and edit the reply while it is editable', async () => {
    const unanswered = makeReview({
      _id: 'r-4',
      reviewer: { _id: 'u-4', displayName: 'Mia M.', profilePicture: null },
      createdAt: '2026-05-03T10:00:00.000Z',
    });
    const answered = {
      ...unanswered,
      response: {
        body: 'Thanks, Mia!',
        createdAt: '2026-05-04T08:00:00.000Z',
        editedAt: null,
        editableUntil: '2026-05-05T08:00:00.000Z',
      },
    };
    const { requests } = installFakeApi({
      'GET /coaches/coach-1': () => ({ status: 200, data: carla }),
      'GET /coaches/coach-1/reviews': () => ({
        status: 200,
        data: makeCoachReviewsPage([unanswered, first]),
      }),
      'POST /reviews/r-4/response': () => ({ status: 201, data: answered }),
    });
    const { user } = renderApp({
      url: '/coaches/coach-1',
      user: makeUser({ _id: 'coach-1', role: 'coach', firstName: 'Carla', lastName: 'Jensen' }),
    });
    const section = await screen.findByRole('region', { name: 'Reviews' });
    // Lena's reply is past its 24 hours: it stays as it is.
    expect(await within(section).findByRole('button', { name: 'Reply to Mia M.' })).toBeVisible();
    expect(within(section).queryByRole('button', { name: 'Edit reply to Lena F.' })).toBeNull();

    await user.click(within(section).getByRole('button', { name: 'Reply to Mia M.' }));
    const form = await within(section).findByRole('form', { name: 'Your reply to Mia M.' });
    await user.click(within(form).getByRole('button', { name: 'Post reply' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Write your reply.');
    await user.type(within(form).getByRole('textbox', { name: 'Your reply' }), 'Thanks, Mia!');
    await user.click(within(form).getByRole('button', { name: 'Post reply' }));

    const mia = (await within(section).findByText('Thanks, Mia!')).closest('article');
    expect(mia).toHaveTextContent('Reply from Carla Jensen');
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { body: 'Thanks, Mia!' },
    ]);
    // Within 24 hours the reply can still be edited.
    await user.click(
      within(mia as HTMLElement).getByRole('button', { name: 'Edit reply to Mia M.' }),
    );
    expect(await within(section).findByRole('textbox', { name: 'Your reply' })).toHaveValue(
      'Thanks, Mia!',
    );
    expect(within(section).getByRole('button', { name: 'Save reply' })).toBeVisible();
  });
});
