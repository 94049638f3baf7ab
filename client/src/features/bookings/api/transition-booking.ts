import type { BookingDTO, BookingTransitionRequest } from '@coachhub/shared/booking';
import type { BookingAction, BookingParty } from '@coachhub/shared/scheduling';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';
import { toApiError } from '@/lib/api-error';

import { invalidateBooking, setBookingData } from './get-booking';
import { invalidateBookingLists, putBookingInLists } from './get-bookings';
import { invalidateSlots } from './get-slots';

/** Every action but rescheduling, which takes a new time instead of a reason. */
export type TransitionAction = Exclude<BookingAction, 'reschedule'>;

export interface TransitionBookingInput {
  bookingId: string;
  action: TransitionAction;
  reason?: string;
}

const ACTION_PATHS: Record<TransitionAction, string> = {
  confirm: 'confirm',
  decline: 'decline',
  cancel: 'cancel',
  complete: 'complete',
  no_show: 'no-show',
  approve_reschedule: 'approve-reschedule',
  decline_reschedule: 'decline-reschedule',
};

export const transitionBooking = async ({
  bookingId,
  action,
  reason,
}: TransitionBookingInput): Promise<BookingDTO> => {
  const body: BookingTransitionRequest = reason?.trim() ? { reason: reason.trim() } : {};
  const { data } = await apiClient.post<BookingDTO>(
    `/bookings/${encodeURIComponent(bookingId)}/${ACTION_PATHS[action]}`,
    body,
  );
  return data;
};

/**
 * `role` is the viewer's side of the booking; the answer replaces it wherever it is shown. The
 * success message is sent from here, not from the button: the socket may have updated the card
 * (and removed the button) before the answer arrives.
 */
export const useTransitionBooking = (role: BookingParty) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionBooking,
    onSuccess: (booking, { action }) => {
      notify('success', `bookings.done.${action}`);
      setBookingData(queryClient, booking);
      putBookingInLists(queryClient, booking, role);
      // A declined or cancelled booking frees its time.
      void invalidateSlots(queryClient, booking.coach._id);
    },
    // The booking changed underneath (the other side acted first): show what it is now.
    onError: (error, { bookingId }) => {
      if (toApiError(error).code !== 'INVALID_TRANSITION') return;
      void invalidateBookingLists(queryClient);
      void invalidateBooking(queryClient, bookingId);
    },
  });
};
