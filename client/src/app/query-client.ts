import { QueryClient } from '@tanstack/react-query';

import { toApiError } from '@/lib/api-error';

const MAX_QUERY_RETRIES = 2;

/** Only failures that may pass on their own (network, 5xx) are worth retrying. */
const isTransient = (error: unknown) => {
  const { code, status } = toApiError(error);
  return code === 'NETWORK_ERROR' || (status !== null && status >= 500);
};

export const createQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => failureCount < MAX_QUERY_RETRIES && isTransient(error),
      },
      mutations: { retry: false },
    },
  });
