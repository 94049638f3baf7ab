import { PAGE_STATE_ELEMENT_ID } from '@coachhub/shared/page-render';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';

const renderedState = {
  locale: 'de',
  router: { loaderData: {}, actionData: null, errors: null },
  queries: {
    mutations: [],
    queries: [
      {
        queryKey: ['coaches', 'detail', 'a'],
        queryHash: '["coaches","detail","a"]',
        state: { data: { _id: 'a' }, dataUpdatedAt: 1, status: 'success', error: null },
      },
      {
        queryKey: ['coaches', 'detail', 'b'],
        queryHash: '["coaches","detail","b"]',
        state: {
          data: undefined,
          dataUpdatedAt: 0,
          status: 'error',
          error: { name: 'ApiError', code: 'NOT_FOUND', message: 'Coach not found', status: 404 },
        },
      },
    ],
  },
};

/** The module keeps what it read once per page: each test reads a fresh copy. */
const loadPageState = async () => {
  vi.resetModules();
  return { ...(await import('./page-state')), ...(await import('./api-error')) };
};

afterEach(() => {
  document.getElementById(PAGE_STATE_ELEMENT_ID)?.remove();
});

describe('the state of a server-rendered page', () => {
  it('is null for the app shell and for a damaged block', async () => {
    expect((await loadPageState()).readPageState()).toBeNull();

    const block = document.createElement('script');
    block.type = 'application/json';
    block.id = PAGE_STATE_ELEMENT_ID;
    block.textContent = '{"locale":';
    document.body.append(block);
    expect((await loadPageState()).readPageState()).toBeNull();
  });

  it('gives the language and the queries; errors become ApiErrors shown without asking again', async () => {
    const block = document.createElement('script');
    block.type = 'application/json';
    block.id = PAGE_STATE_ELEMENT_ID;
    block.textContent = JSON.stringify(renderedState);
    document.body.append(block);
    const { adoptPageQueries, readPageState, ApiError, toApiError } = await loadPageState();

    const state = readPageState();
    expect(state?.locale).toBe('de');
    const queryClient = new QueryClient();
    const before = Date.now();
    const [found, missing] = adoptPageQueries(queryClient, state!.queries).queries;

    // The page is as current as the server's answer, not as old as its render.
    expect(found?.state.dataUpdatedAt).toBeGreaterThanOrEqual(before);
    expect(missing?.state.error).toBeInstanceOf(ApiError);
    expect(toApiError(missing?.state.error).status).toBe(404);
    expect(queryClient.getQueryDefaults(['coaches', 'detail', 'b']).retryOnMount).toBe(false);
    expect(queryClient.getQueryDefaults(['coaches', 'detail', 'a']).retryOnMount).toBeUndefined();
  });
});
