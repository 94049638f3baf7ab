import { IDEMPOTENCY_KEY_HEADER } from '@coachhub/shared/booking';
import type { BookingDTO, CreateBookingRequest } from '@coachhub/shared/booking';
import type { CheckoutBookingResponse } from '@coachhub/shared/payment';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { toApiError } from '@/lib/api-error';

import { setBookingData } from './get-booking';
import { invalidateBookingLists } from './get-bookings';
import { invalidateSlots } from './get-slots';

export interface CreateBookingInput {
  request: CreateBookingRequest;
  /** The same key for every retry of one attempt: the server then books at most once. */
  idempotencyKey: string;
}

/** A random UUID; `randomUUID` needs a secure context, `getRandomValues` does not. */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The new booking, and where to pay for it when the server collects payment online. */
export interface CreatedBooking {
  booking: BookingDTO;
  checkoutUrl: string | null;
}

export const createBooking = async ({
  request,
  idempotencyKey,
}: CreateBookingInput): Promise<CreatedBooking> => {
  // Without online payment (pay at the session) the answer is the booking itself.
  const { data } = await apiClient.post<BookingDTO | CheckoutBookingResponse>(
    '/bookings',
    request,
    { headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } },
  );
  return 'checkoutUrl' in data
    ? { booking: data.booking, checkoutUrl: data.checkoutUrl }
    : { booking: data, checkoutUrl: null };
};

/**
 * The checkout could not be opened, so the server ended the booking it had started: a new
 * attempt needs a new Idempotency-Key, since the old one now names that ended booking.
 */
export const isPaymentUnavailable = (error: unknown): boolean =>
  toApiError(error).code === 'PAYMENT_PROVIDER_UNAVAILABLE';

/** The time is taken by someone else, or no longer offered: fresh slots are needed. */
export const isSlotTaken = (error: unknown): boolean => {
  const { code } = toApiError(error);
  return code === 'BOOKING_CONFLICT' || code === 'SLOT_UNAVAILABLE';
};

export const useCreateBooking = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBooking,
    onSuccess: ({ booking }) => {
      setBookingData(queryClient, booking);
      void invalidateBookingLists(queryClient);
    },
    // Success took the time, a conflict means the shown slots were stale: either way, refetch.
    onSettled: (_booking, error, { request }) =>
      !error || isSlotTaken(error) ? invalidateSlots(queryClient, request.coachId) : undefined,
  });
};
