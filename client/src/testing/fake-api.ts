import { AxiosError, AxiosHeaders } from 'axios';
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';

import { httpClient } from '@/lib/http-client';

export interface FakeRequest {
  method: string;
  url: string;
  /** Query parameters given to axios as `params`. */
  params: Record<string, unknown>;
  body: unknown;
  headers: AxiosHeaders;
}

export interface FakeReply {
  status: number;
  data?: unknown;
}

type Handler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

/** Routes keyed `"POST /auth/login"` (paths relative to the API base). */
export type FakeRoutes = Record<string, Handler>;

const parseBody = (data: unknown): unknown => {
  if (typeof data !== 'string' || data === '') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
};

/** The adapter the app's axios instance was made with: `restoreRealApi` puts it back. */
const realAdapter = httpClient.defaults.adapter;

/** Undoes every `installFakeApi`; the test setup calls it after each test. */
export const restoreRealApi = () => {
  httpClient.defaults.adapter = realAdapter;
};

/**
 * Answers the app's real axios instance (the one `apiClient` loads) from an in-test route table,
 * through axios's own adapter hook: interceptors, headers and error handling all run as in
 * production.
 */
export const installFakeApi = (routes: FakeRoutes) => {
  const requests: FakeRequest[] = [];
  const originalAdapter = httpClient.defaults.adapter;

  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
    const request: FakeRequest = {
      method: (config.method ?? 'get').toUpperCase(),
      url: config.url ?? '',
      params: { ...(config.params as Record<string, unknown> | undefined) },
      body: parseBody(config.data),
      // A copy: the client may reuse and change the config's headers when it retries.
      headers: new AxiosHeaders(config.headers.toJSON()),
    };
    requests.push(request);
    const handler = routes[`${request.method} ${request.url}`];
    const reply: FakeReply = handler
      ? await handler(request)
      : { status: 404, data: { error: { code: 'ROUTE_NOT_FOUND', message: 'No fake route' } } };

    const response: AxiosResponse = {
      data: reply.data ?? '',
      status: reply.status,
      statusText: String(reply.status),
      headers: new AxiosHeaders(),
      config,
      request: {},
    };
    if (reply.status >= 200 && reply.status < 300) return response;
    throw new AxiosError(
      `Request failed with status code ${reply.status}`,
      reply.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
      config,
      {},
      response,
    );
  };

  httpClient.defaults.adapter = adapter;
  return {
    requests,
    restore: () => {
      httpClient.defaults.adapter = originalAdapter;
    },
  };
};

export const apiErrorReply = (status: number, code: string, message = code): FakeReply => ({
  status,
  data: { error: { code, message } },
});
