import type { RefreshResponse } from '@coachhub/shared/auth';
import axios, { isAxiosError } from 'axios';

import { env } from '@/config/env';

import { accessToken } from './access-token';
import { toApiError } from './api-error';
import type { ApiError, ApiErrorCode } from './api-error';
import { sessionEvents } from './session-events';
import { sessionHint } from './session-hint';
import { twoFactorSetup } from './two-factor-setup';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Set on calls whose 401 a token refresh cannot fix (login, the refresh itself). */
    skipAuthRefresh?: boolean;
    /** Set on the one retry after a refresh, so a second 401 cannot loop. */
    authRetried?: boolean;
  }
}

const REFRESH_PATH = '/auth/refresh';

/**
 * The one axios instance of the app. The refresh token is an httpOnly cookie, hence credentials.
 * Feature code calls it through `apiClient` (api-client.ts), which loads this module on first use,
 * so axios is not part of the first page's JavaScript.
 */
export const httpClient = axios.create({
  baseURL: env.apiUrl,
  withCredentials: true,
  headers: { Accept: 'application/json' },
});

httpClient.interceptors.request.use((config) => {
  const token = accessToken.get();
  if (token && !config.headers.has('Authorization')) {
    config.headers.set('Authorization', `Bearer ${token}`);
  }
  return config;
});

/** 401 codes that mean "your access token is missing or stale", which a refresh can repair. */
const REFRESHABLE_CODES: ReadonlySet<ApiErrorCode> = new Set([
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'INVALID_TOKEN',
  'UNKNOWN_ERROR',
]);

/** The server refused the refresh cookie (as opposed to being unreachable). */
const isRefusal = (error: ApiError) => error.status === 401 || error.status === 403;

/**
 * Browsers share the refresh cookie between tabs and the server revokes a whole token family
 * when an old refresh token is replayed, so tabs must not refresh at the same time.
 */
const acrossTabs = <T>(task: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request('coachhub:token-refresh', task)
    : task();

let refreshInFlight: Promise<string> | null = null;

const requestNewToken = async (): Promise<string> => {
  try {
    const { data } = await acrossTabs(() =>
      httpClient.post<RefreshResponse>(REFRESH_PATH, undefined, { skipAuthRefresh: true }),
    );
    accessToken.set(data.accessToken);
    sessionHint.set();
    return data.accessToken;
  } catch (error) {
    const apiError = toApiError(error);
    if (isRefusal(apiError)) {
      const hadSession = accessToken.get() !== null;
      accessToken.clear();
      sessionHint.clear();
      if (hadSession) {
        sessionEvents.emitEnded(apiError.code === 'ACCOUNT_SUSPENDED' ? 'suspended' : 'expired');
      }
    }
    throw apiError;
  }
};

/**
 * Trades the refresh cookie for a new access token. Concurrent callers share one request:
 * the server rotates the cookie on every refresh, so a second parallel refresh would replay
 * a spent token and revoke the session.
 */
export const refreshAccessToken = (): Promise<string> => {
  refreshInFlight ??= requestNewToken().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
};

const bearerOf = (header: unknown): string | null =>
  typeof header === 'string' && header.startsWith('Bearer ')
    ? header.slice('Bearer '.length)
    : null;

httpClient.interceptors.response.use(undefined, async (error: unknown) => {
  const apiError = toApiError(error);
  const config = isAxiosError(error) ? error.config : undefined;

  // An admin who must turn on two-factor sign-in first: the app guides them there.
  if (apiError.code === 'TWO_FACTOR_REQUIRED') twoFactorSetup.markRequired();
  if (apiError.code === 'ACCOUNT_SUSPENDED' && accessToken.get() !== null) {
    accessToken.clear();
    sessionHint.clear();
    sessionEvents.emitEnded('suspended');
    throw apiError;
  }
  // Without a token or a hint of a session there is nothing to refresh (a visitor).
  const mayHaveSession = accessToken.get() !== null || sessionHint.isSet();
  const canRetry =
    config !== undefined &&
    mayHaveSession &&
    apiError.status === 401 &&
    REFRESHABLE_CODES.has(apiError.code) &&
    !config.skipAuthRefresh &&
    !config.authRetried;
  if (!canRetry) throw apiError;

  const sentToken = bearerOf(config.headers.get('Authorization'));
  const currentToken = accessToken.get();
  // Another request refreshed while this one was on the wire: just use the newer token.
  const freshToken =
    currentToken !== null && currentToken !== sentToken
      ? currentToken
      : await refreshAccessToken().catch(() => null);
  if (freshToken === null) throw apiError;

  config.authRetried = true;
  config.headers.set('Authorization', `Bearer ${freshToken}`);
  return httpClient.request(config);
});
