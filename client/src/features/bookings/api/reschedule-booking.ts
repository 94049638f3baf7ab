import type { BookingDTO, RescheduleBookingRequest } from '@coachhub/shared/booking';
import type { BookingParty } from '@coachhub/shared/scheduling';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';

import { setBookingData } from './get-booking';
import { putBookingInLists } from './get-bookings';
import { invalidateSlots } from './get-slots';

export interface RescheduleBookingInput {
  bookingId: string;
  coachId: string;
  request: RescheduleBookingRequest;
}

export const rescheduleBooking = async ({
  bookingId,
  request,
}: RescheduleBookingInput): Promise<BookingDTO> => {
  const { data } = await apiClient.post<BookingDTO>(
    `/bookings/${encodeURIComponent(bookingId)}/reschedule`,
    request,
  );
  return data;
};

/**
 * Moving frees one time and takes another (or, when the coach approves changes, asks for the new
 * one and holds both); a conflict means the shown slots were stale.
 */
export const useRescheduleBooking = (role: BookingParty) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rescheduleBooking,
    onSuccess: (booking) => {
      // 202: the coach approves changes, so the new time waits for them (`pendingReschedule`).
      notify(
        'success',
        booking.pendingReschedule ? 'bookings.reschedule.requested' : 'bookings.done.reschedule',
      );
      setBookingData(queryClient, booking);
      putBookingInLists(queryClient, booking, role);
    },
    onSettled: (_booking, _error, { coachId }) => invalidateSlots(queryClient, coachId),
  });
};
