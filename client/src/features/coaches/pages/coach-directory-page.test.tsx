import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRequest } from '@/testing/fake-api';
import { makeCoach, makePage } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const carla = makeCoach();
const samuel = makeCoach({
  _id: 'coach-2',
  firstName: 'Samuel',
  lastName: 'Mensah',
  headline: 'Money and purpose coach',
  specialties: ['finance', 'life', 'career', 'productivity'],
  languages: ['en', 'fr'],
  rating: { average: 5, count: 1 },
  priceFrom: { amount: 4500, currency: 'USD' },
});

const directoryCalls = (requests: FakeRequest[]) =>
  requests.filter((request) => request.method === 'GET' && request.url === '/coaches');
const lastDirectoryQuery = (requests: FakeRequest[]) => directoryCalls(requests).at(-1)?.params;

const serveCoaches = () =>
  installFakeApi({
    'GET /coaches': () => ({ status: 200, data: makePage([carla, samuel], { total: 26 }) }),
  });

describe('CoachDirectoryPage', () => {
  it('shows the coaches of the page the API serves', async () => {
    const { requests } = serveCoaches();
    renderApp({ url: '/coaches' });

    const results = await screen.findByTestId('directory-results');
    const cards = within(results).getAllByTestId('coach-card');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]!).getByRole('link', { name: 'Carla Jensen' })).toHaveAttribute(
      'href',
      '/coaches/coach-1',
    );
    expect(cards[0]).toHaveTextContent('Career and leadership coach for first-time managers');
    expect(cards[0]).toHaveTextContent('From €90.00 per session');
    expect(cards[0]).toHaveTextContent('Rated 4.8 out of 5 from 52 reviews');
    expect(cards[0]).toHaveTextContent('English, German');
    expect(cards[1]).toHaveTextContent('From $45.00');
    expect(cards[1]).toHaveTextContent('+1');
    expect(screen.getByTestId('directory-count')).toHaveTextContent('26 coaches found');
    expect(screen.getByRole('navigation', { name: 'Result pages' })).toHaveTextContent(
      '1–12 of 26',
    );
    expect(lastDirectoryQuery(requests)).toEqual({ page: 1, limit: 12 });
  });

  it('shows the directory without reading the device time zone, which is slow the first time', async () => {
    serveCoaches();
    const readTimeZone = vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions');
    renderApp({ url: '/coaches' });

    await screen.findByTestId('directory-results');
    // The page shows no date; the layout reads the zone only when a notification arrives.
    expect(readTimeZone).not.toHaveBeenCalled();
  });

  it('reads the whole query from the URL, so a shared link shows the same search', async () => {
    const { requests } = serveCoaches();
    renderApp({
      url: '/coaches?q=leader&specialty=leadership&language=de&minPrice=5000&maxPrice=12000&currency=EUR&minRating=4&sort=price&page=2',
    });
    await screen.findByTestId('directory-results');

    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('leader');
    expect(screen.getByLabelText('Specialty')).toHaveValue('leadership');
    expect(screen.getByLabelText('Language')).toHaveValue('de');
    expect(screen.getByLabelText('Minimum price')).toHaveValue('50');
    expect(screen.getByLabelText('Maximum price')).toHaveValue('120');
    expect(screen.getByLabelText('Currency')).toHaveValue('EUR');
    expect(screen.getByLabelText('Minimum rating')).toHaveValue('4');
    expect(screen.getByLabelText('Sort by')).toHaveValue('price');
    expect(lastDirectoryQuery(requests)).toEqual({
      q: 'leader',
      specialty: 'leadership',
      language: 'de',
      minPrice: 5000,
      maxPrice: 12000,
      currency: 'EUR',
      minRating: 4,
      sort: 'price',
      page: 2,
      limit: 12,
    });
  });

  it('drops what the API would refuse from a hand-edited link', async () => {
    const { requests } = serveCoaches();
    renderApp({ url: '/coaches?specialty=juggling&minRating=9&page=-3&language=english' });
    await screen.findByTestId('directory-results');
    expect(lastDirectoryQuery(requests)).toEqual({ page: 1, limit: 12 });
    expect(screen.getByLabelText('Specialty')).toHaveValue('');
  });

  it('writes every filter to the URL, starting again on page 1, and back restores it', async () => {
    const { requests } = serveCoaches();
    const { user, router } = renderApp({ url: '/coaches?page=3' });
    await screen.findByTestId('directory-results');

    await user.selectOptions(screen.getByLabelText('Language'), 'de');
    expect(router.state.location.search).toBe('?language=de');

    await user.selectOptions(screen.getByLabelText('Specialty'), 'career');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'leader');
    // Typing is sent once the user pauses, not on every key.
    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=leader&specialty=career&language=de'),
    );
    expect(directoryCalls(requests).map((request) => request.params.q)).not.toContain('lead');

    await user.type(screen.getByLabelText('Maximum price'), '80');
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?q=leader&specialty=career&language=de&maxPrice=8000&currency=EUR',
      ),
    );
    await waitFor(() =>
      expect(lastDirectoryQuery(requests)).toMatchObject({ maxPrice: 8000, currency: 'EUR' }),
    );

    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?q=leader&specialty=career&language=de');
    expect(screen.getByLabelText('Maximum price')).toHaveValue('');
    await act(() => router.navigate(-2));
    expect(router.state.location.search).toBe('?language=de');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
    expect(screen.getByLabelText('Specialty')).toHaveValue('');
  });

  it('pages through the results', async () => {
    serveCoaches();
    const { user, router } = renderApp({ url: '/coaches?language=de' });
    await screen.findByTestId('directory-results');

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(router.state.location.search).toBe('?language=de&page=2');
  });

  it('says when nothing matches and offers to clear the filters', async () => {
    const { requests } = installFakeApi({
      'GET /coaches': (request) => ({
        status: 200,
        data: makePage(request.params.language ? [] : [carla]),
      }),
    });
    const { user, router } = renderApp({ url: '/coaches?language=ja' });

    const empty = await screen.findByTestId('directory-empty');
    expect(empty).toHaveTextContent('No coaches match your search');
    expect(screen.getByTestId('directory-count')).toHaveTextContent('0 coaches found');

    await user.click(within(empty).getByRole('button', { name: 'Clear all filters' }));
    expect(router.state.location.search).toBe('');
    expect(await screen.findByTestId('directory-results')).toBeInTheDocument();
    expect(lastDirectoryQuery(requests)).toEqual({ page: 1, limit: 12 });
  });

  it('shows a translated error with a way to try again', async () => {
    let calls = 0;
    installFakeApi({
      'GET /coaches': () => {
        calls += 1;
        return calls === 1
          ? apiErrorReply(400, 'VALIDATION_FAILED')
          : { status: 200, data: makePage([carla]) };
      },
    });
    const { user } = renderApp({ url: '/coaches' });

    const error = await screen.findByTestId('directory-error');
    expect(error).toHaveTextContent('The coaches could not be loaded.');
    await user.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('directory-results')).toBeInTheDocument();
  });
});
