import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { accessToken } from '@/lib/access-token';
import { apiClient } from '@/lib/api-client';
import { sessionHint } from '@/lib/session-hint';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRoutes } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';

import { clearSession, restoreSession, sessionQueryOptions, startSession } from './session';

let api: ReturnType<typeof installFakeApi> | undefined;
const fakeApi = (routes: FakeRoutes) => {
  api = installFakeApi(routes);
  return api;
};

const ada = makeUser();
const signedInServer = (): FakeRoutes => ({
  'POST /auth/refresh': () => ({ status: 200, data: { accessToken: 'token-2' } }),
  'GET /users/me': (request) =>
    request.headers.get('Authorization') === 'Bearer token-2'
      ? { status: 200, data: ada }
      : apiErrorReply(401, 'UNAUTHENTICATED'),
});
const signedOutServer = (): FakeRoutes => ({
  'POST /auth/refresh': () => apiErrorReply(401, 'REFRESH_TOKEN_INVALID'),
  'GET /users/me': () => apiErrorReply(401, 'UNAUTHENTICATED'),
});
const calls = (key: string) =>
  (api?.requests ?? []).filter((request) => `${request.method} ${request.url}` === key);

describe('restoring the session on page load', () => {
  it('asks nothing for a visitor: no hint of a session, no refresh (and no 401 in the console)', async () => {
    fakeApi(signedOutServer());

    await expect(restoreSession()).resolves.toBeNull();

    expect(api?.requests).toEqual([]);
  });

  it('restores a signed-in browser from the refresh cookie', async () => {
    sessionHint.set();
    fakeApi(signedInServer());

    await expect(restoreSession()).resolves.toEqual(ada);

    expect(calls('POST /auth/refresh')).toHaveLength(1);
    expect(accessToken.get()).toBe('token-2');
    expect(sessionHint.isSet()).toBe(true);
  });

  it('forgets a stale hint when the cookie is refused, so the next load asks nothing', async () => {
    sessionHint.set();
    fakeApi(signedOutServer());

    await expect(restoreSession()).resolves.toBeNull();
    expect(calls('POST /auth/refresh')).toHaveLength(1);
    expect(sessionHint.isSet()).toBe(false);

    await expect(restoreSession()).resolves.toBeNull();
    expect(calls('POST /auth/refresh')).toHaveLength(1);
  });

  it('sets the hint when a session starts and clears it when the session ends', () => {
    const queryClient = new QueryClient();
    startSession(queryClient, ada, 'token-1');
    expect(sessionHint.isSet()).toBe(true);
    expect(window.localStorage.getItem('coachhub:signed-in')).toBe('1');

    clearSession(queryClient);
    expect(sessionHint.isSet()).toBe(false);
    expect(queryClient.getQueryData(sessionQueryOptions().queryKey)).toBeNull();
  });

  it("does not try a refresh for a visitor's 401 either", async () => {
    fakeApi(signedOutServer());

    await expect(apiClient.get('/users/me')).rejects.toMatchObject({ status: 401 });

    expect(calls('POST /auth/refresh')).toHaveLength(0);
  });
});
