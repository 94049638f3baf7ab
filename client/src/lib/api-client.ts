import type { AxiosRequestConfig, AxiosResponseDefault } from 'axios';

import type * as HttpClientModule from './http-client';

let httpClientModule: Promise<typeof HttpClientModule> | null = null;

/**
 * Loads the one axios instance (http-client.ts, with its token refresh and error handling) once.
 * main.tsx starts it as the app starts, beside the first page's chunk, so the first request
 * rarely waits for it; it is not part of the JavaScript that must arrive before the first paint.
 */
export const loadHttpClient = (): Promise<typeof HttpClientModule> => {
  httpClientModule ??= import('./http-client').then(
    // The requests that waited for axios go out in a task of their own: run right after its
    // evaluation, in the same task, the two made one long task as a page finished hydrating.
    (module) => new Promise<typeof HttpClientModule>((resolve) => setTimeout(resolve, 0, module)),
    (error: unknown) => {
      // A failed download (a deploy, a network blip) is tried again by the next request.
      httpClientModule = null;
      throw error;
    },
  );
  return httpClientModule;
};

const client = async () => (await loadHttpClient()).httpClient;

/**
 * How feature code talks to the API: the methods of the one axios instance, same arguments and
 * answers, with axios itself loaded on the first call.
 */
export const apiClient = {
  get: async <T = unknown, R = AxiosResponseDefault, D = unknown, P = unknown>(
    url: string,
    config?: AxiosRequestConfig<D, P>,
  ) => (await client()).get<T, R, D, P>(url, config),
  delete: async <T = unknown, R = AxiosResponseDefault, D = unknown, P = unknown>(
    url: string,
    config?: AxiosRequestConfig<D, P>,
  ) => (await client()).delete<T, R, D, P>(url, config),
  post: async <T = unknown, R = AxiosResponseDefault, D = unknown, P = unknown>(
    url: string,
    data?: D,
    config?: AxiosRequestConfig<D, P>,
  ) => (await client()).post<T, R, D, P>(url, data, config),
  put: async <T = unknown, R = AxiosResponseDefault, D = unknown, P = unknown>(
    url: string,
    data?: D,
    config?: AxiosRequestConfig<D, P>,
  ) => (await client()).put<T, R, D, P>(url, data, config),
  patch: async <T = unknown, R = AxiosResponseDefault, D = unknown, P = unknown>(
    url: string,
    data?: D,
    config?: AxiosRequestConfig<D, P>,
  ) => (await client()).patch<T, R, D, P>(url, data, config),
};

/** Trades the refresh cookie for a new access token (concurrent callers share one request). */
export const refreshAccessToken = async (): Promise<string> =>
  (await loadHttpClient()).refreshAccessToken();
