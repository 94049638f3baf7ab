import type { OutboxMailDTO } from '@coachhub/shared/notification';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { toApiError } from '@/lib/api-error';

/** The newest mails the server kept instead of sending them, newest first. */
export const getOutboxMails = async (): Promise<OutboxMailDTO[]> => {
  const { data } = await apiClient.get<OutboxMailDTO[]>('/dev/outbox');
  return data;
};

export const outboxMailsQueryOptions = () =>
  queryOptions({
    queryKey: ['dev', 'outbox'] as const,
    queryFn: getOutboxMails,
    // Mails arrive from anywhere in the app: opening the page always asks again.
    staleTime: 0,
  });

export const useOutboxMails = () => useQuery(outboxMailsQueryOptions());

/**
 * The server mounts the outbox only outside production and without SMTP_URL; otherwise the
 * path is unknown to it (404).
 */
export const isOutboxUnavailable = (error: unknown): boolean => toApiError(error).status === 404;
