import { AxiosError, AxiosHeaders } from 'axios';
import type { AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';

import { ApiError, toApiError } from './api-error';

const config = { headers: new AxiosHeaders() } as InternalAxiosRequestConfig;

const httpError = (status: number, data: unknown) => {
  const response: AxiosResponse = {
    status,
    data,
    statusText: '',
    headers: {},
    config,
  };
  return new AxiosError('Request failed', 'ERR_BAD_RESPONSE', config, {}, response);
};

describe('toApiError', () => {
  it('keeps the code, message and field details of the API error body', () => {
    const details = [{ field: 'email', location: 'body', message: 'Invalid' }];
    const error = toApiError(
      httpError(400, { error: { code: 'VALIDATION_FAILED', message: 'Bad input', details } }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Bad input', status: 400 });
    expect(error.fieldIssues).toEqual(details);
  });

  it('reads how long a rate limit asks to wait, and nothing where it does not say', () => {
    const limited = (details: unknown) =>
      toApiError(
        httpError(429, { error: { code: 'RATE_LIMITED', message: 'Slow down', details } }),
      );
    expect(limited({ retryAfterSeconds: 42.2 }).retryAfterSeconds).toBe(43);
    expect(limited(undefined).retryAfterSeconds).toBeNull();
    expect(limited({ retryAfterSeconds: 'soon' }).retryAfterSeconds).toBeNull();
    expect(limited([{ field: 'x', location: 'body', message: 'y' }]).retryAfterSeconds).toBeNull();
  });

  it('maps a code this build does not know to UNKNOWN_ERROR', () => {
    const error = toApiError(httpError(409, { error: { code: 'BRAND_NEW', message: 'x' } }));
    expect(error.code).toBe('UNKNOWN_ERROR');
    expect(error.status).toBe(409);
  });

  it('treats a 5xx without the error body (e.g. a proxy page) as INTERNAL_ERROR', () => {
    expect(toApiError(httpError(502, '<html>Bad gateway</html>')).code).toBe('INTERNAL_ERROR');
  });

  it('reports a request that got no answer as NETWORK_ERROR', () => {
    const error = toApiError(new AxiosError('Network Error', 'ERR_NETWORK', config, {}));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: null });
  });

  it('wraps anything else as UNKNOWN_ERROR', () => {
    expect(toApiError(new Error('boom'))).toMatchObject({ code: 'UNKNOWN_ERROR', message: 'boom' });
  });
});
