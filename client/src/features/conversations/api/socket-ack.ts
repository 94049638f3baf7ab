import type { Ack } from '@coachhub/shared/socket-events';

import { ApiError } from '@/lib/api-error';

/** How long an event's answer is awaited before it counts as not delivered. */
export const ACK_TIMEOUT_MS = 10_000;

/**
 * The ack's data, or an `ApiError` with the server's code (so the UI translates it like an HTTP
 * error); no answer in time is a network error.
 */
export const answerOf = async <T>(pending: Promise<Ack<T>>): Promise<T> => {
  let answer: Ack<T>;
  try {
    answer = await pending;
  } catch (error) {
    throw new ApiError('NETWORK_ERROR', error instanceof Error ? error.message : String(error));
  }
  if (!answer.ok) throw new ApiError(answer.error.code, answer.error.message);
  return (answer as { ok: true; data: T }).data;
};
