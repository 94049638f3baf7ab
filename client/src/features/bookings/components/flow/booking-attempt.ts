import type { CreateBookingRequest } from '@coachhub/shared/booking';

/** One attempt to book: the request and the Idempotency-Key all its retries share. */
export interface BookingAttempt {
  key: string;
  request: CreateBookingRequest;
}

const sameRequest = (a: CreateBookingRequest, b: CreateBookingRequest): boolean =>
  a.coachId === b.coachId &&
  a.sessionTypeId === b.sessionTypeId &&
  a.start === b.start &&
  (a.notes ?? '') === (b.notes ?? '') &&
  (a.useCredit ?? false) === (b.useCredit ?? false);

/**
 * Sending the same request again (a retry after a lost answer) keeps the key, so the server
 * books at most once; any change (another time, other notes) is a new attempt with a new key,
 * which the server would otherwise refuse as a reused key.
 */
export const attemptFor = (
  previous: BookingAttempt | null,
  request: CreateBookingRequest,
  newKey: () => string,
): BookingAttempt =>
  previous && sameRequest(previous.request, request) ? previous : { key: newKey(), request };
