import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRequest } from '@/testing/fake-api';

import { accessToken } from './access-token';
import { apiClient } from './api-client';
import { ApiError } from './api-error';
import { httpClient } from './http-client';
import { sessionEvents } from './session-events';

const deferred = () => {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
};

/**
 * A small auth server: one access token is valid at a time; `/auth/refresh` issues the next
 * one (or refuses, or is unreachable), as the real API does with its rotating cookie.
 */
const startAuthServer = () => {
  const state = {
    validToken: 'token-2',
    issued: 2,
    refreshMode: 'ok' as 'ok' | 'refused' | 'suspended' | 'unreachable',
    refreshGate: null as Promise<void> | null,
  };
  const isAuthorised = (request: FakeRequest) =>
    request.headers.get('Authorization') === `Bearer ${state.validToken}`;

  const api = installFakeApi({
    'POST /auth/refresh': async () => {
      if (state.refreshGate) await state.refreshGate;
      if (state.refreshMode === 'refused') return apiErrorReply(401, 'REFRESH_TOKEN_INVALID');
      if (state.refreshMode === 'suspended') return apiErrorReply(403, 'ACCOUNT_SUSPENDED');
      if (state.refreshMode === 'unreachable') throw new Error('socket hang up');
      state.issued += 1;
      state.validToken = `token-${state.issued}`;
      return { status: 200, data: { accessToken: state.validToken } };
    },
    'GET /users/me': (request) =>
      isAuthorised(request)
        ? { status: 200, data: { firstName: 'Ada' } }
        : apiErrorReply(401, 'TOKEN_EXPIRED'),
    'GET /always-unauthorised': () => apiErrorReply(401, 'TOKEN_EXPIRED'),
    'POST /auth/login': () => apiErrorReply(401, 'INVALID_CREDENTIALS'),
    'GET /suspended': () => apiErrorReply(403, 'ACCOUNT_SUSPENDED'),
  });

  const calls = (key: string) =>
    api.requests.filter((request) => `${request.method} ${request.url}` === key);
  return { state, api, calls };
};

describe('apiClient', () => {
  let server: ReturnType<typeof startAuthServer>;
  const ended = vi.fn();
  let stopListening: () => void;

  beforeEach(() => {
    server = startAuthServer();
    ended.mockReset();
    stopListening = sessionEvents.onEnded(ended);
  });

  afterEach(() => {
    server.api.restore();
    stopListening();
  });

  it('talks to the relative /api base with credentials, for the httpOnly refresh cookie', () => {
    expect(httpClient.defaults.baseURL).toBe('/api');
    expect(httpClient.defaults.withCredentials).toBe(true);
  });

  it('sends the in-memory access token as a bearer token', async () => {
    accessToken.set('token-2');
    const { data } = await apiClient.get('/users/me');
    expect(data).toEqual({ firstName: 'Ada' });
    expect(server.calls('GET /users/me')[0]?.headers.get('Authorization')).toBe('Bearer token-2');
    expect(server.calls('POST /auth/refresh')).toHaveLength(0);
  });

  it('on a 401 refreshes once, stores the new token and retries the request once', async () => {
    accessToken.set('token-1');
    const { data } = await apiClient.get('/users/me');

    expect(data).toEqual({ firstName: 'Ada' });
    expect(server.calls('POST /auth/refresh')).toHaveLength(1);
    const attempts = server.calls('GET /users/me').map((r) => r.headers.get('Authorization'));
    expect(attempts).toEqual(['Bearer token-1', 'Bearer token-3']);
    expect(accessToken.get()).toBe('token-3');
  });

  it('lets concurrent 401s share a single refresh', async () => {
    accessToken.set('token-1');
    const gate = deferred();
    server.state.refreshGate = gate.promise;

    const pending = Promise.all([
      apiClient.get('/users/me'),
      apiClient.get('/users/me'),
      apiClient.get('/users/me'),
    ]);
    // Hold the refresh until every request has been refused with the old token.
    await vi.waitFor(() => expect(server.calls('GET /users/me')).toHaveLength(3));
    gate.release();
    const answers = await pending;

    expect(answers.map(({ data }) => data)).toEqual([
      { firstName: 'Ada' },
      { firstName: 'Ada' },
      { firstName: 'Ada' },
    ]);
    expect(server.calls('POST /auth/refresh')).toHaveLength(1);
    const retries = server.calls('GET /users/me').slice(3);
    expect(retries.map((r) => r.headers.get('Authorization'))).toEqual([
      'Bearer token-3',
      'Bearer token-3',
      'Bearer token-3',
    ]);
  });

  it('retries with the newer token, without refreshing again, when another request already did', async () => {
    accessToken.set('token-1');
    const gate = deferred();
    server.state.refreshGate = gate.promise;
    const first = apiClient.get('/users/me');
    await vi.waitFor(() => expect(server.calls('POST /auth/refresh')).toHaveLength(1));
    gate.release();
    await first;
    server.state.refreshGate = null;

    // This request went out with the old token before the refresh finished.
    const late = await apiClient.get('/users/me', { headers: { Authorization: 'Bearer token-1' } });

    expect(late.data).toEqual({ firstName: 'Ada' });
    expect(server.calls('POST /auth/refresh')).toHaveLength(1);
  });

  it('ends the session once when the refresh is refused, and rejects with the API error', async () => {
    accessToken.set('token-1');
    server.state.refreshMode = 'refused';

    const results = await Promise.allSettled([
      apiClient.get('/users/me'),
      apiClient.get('/users/me'),
    ]);

    for (const result of results) {
      expect(result.status).toBe('rejected');
      if (result.status === 'rejected') {
        expect(result.reason).toBeInstanceOf(ApiError);
        expect(result.reason).toMatchObject({ code: 'TOKEN_EXPIRED', status: 401 });
      }
    }
    expect(server.calls('POST /auth/refresh')).toHaveLength(1);
    expect(accessToken.get()).toBeNull();
    expect(ended).toHaveBeenCalledTimes(1);
    expect(ended).toHaveBeenCalledWith('expired');
  });

  it('reports a suspension found while refreshing as such, not as an expiry', async () => {
    accessToken.set('token-1');
    server.state.refreshMode = 'suspended';

    await expect(apiClient.get('/users/me')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(accessToken.get()).toBeNull();
    expect(ended).toHaveBeenCalledExactlyOnceWith('suspended');
  });

  it('keeps the session when the refresh could not reach the server', async () => {
    accessToken.set('token-1');
    server.state.refreshMode = 'unreachable';

    await expect(apiClient.get('/users/me')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(accessToken.get()).toBe('token-1');
    expect(ended).not.toHaveBeenCalled();
  });

  it('retries only once: a second 401 after the refresh is returned, not looped', async () => {
    accessToken.set('token-1');
    await expect(apiClient.get('/always-unauthorised')).rejects.toMatchObject({
      code: 'TOKEN_EXPIRED',
    });
    expect(server.calls('GET /always-unauthorised')).toHaveLength(2);
    expect(server.calls('POST /auth/refresh')).toHaveLength(1);
  });

  it('does not refresh on 401s a token cannot fix, such as wrong credentials', async () => {
    await expect(apiClient.post('/auth/login', { email: 'a@b.c', password: 'x' })).rejects.toEqual(
      expect.objectContaining({ code: 'INVALID_CREDENTIALS', status: 401 }),
    );
    expect(server.calls('POST /auth/refresh')).toHaveLength(0);
    expect(ended).not.toHaveBeenCalled();
  });

  it('ends the session when the account turns out to be suspended', async () => {
    accessToken.set('token-2');
    await expect(apiClient.get('/suspended')).rejects.toMatchObject({ code: 'ACCOUNT_SUSPENDED' });
    expect(accessToken.get()).toBeNull();
    expect(ended).toHaveBeenCalledWith('suspended');
  });

  it('a visitor without a session gets the 401 back and no session-ended event', async () => {
    server.state.refreshMode = 'refused';
    await expect(apiClient.get('/users/me')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(ended).not.toHaveBeenCalled();
  });
});
