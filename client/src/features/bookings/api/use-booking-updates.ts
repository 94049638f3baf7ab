import type { BookingEvent } from '@coachhub/shared/booking';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { sessionQueryOptions } from '@/lib/auth/session';
import { socket } from '@/lib/socket';
import type { AppSocket } from '@/lib/socket';

import { setBookingData } from './get-booking';
import { invalidateBookingLists, putBookingInLists } from './get-bookings';
import { invalidateSlots } from './get-slots';

/**
 * `booking:created` and `booking:updated` reach both participants: the booking is written into
 * the cached detail and lists (see `putBookingInLists`), and the coach's free slots are marked
 * stale. Returns the function that stops it.
 */
export const followBookingUpdates = (source: AppSocket, queryClient: QueryClient): (() => void) => {
  const onBooking = ({ booking }: BookingEvent) => {
    const viewer = queryClient.getQueryData(sessionQueryOptions().queryKey);
    const role = viewer?._id === booking.coach._id ? 'coach' : 'client';
    setBookingData(queryClient, booking);
    putBookingInLists(queryClient, booking, role);
    void invalidateSlots(queryClient, booking.coach._id);
  };
  // Events sent while disconnected were missed: fetch the lists on screen again.
  const onConnect = () => void invalidateBookingLists(queryClient);

  source.on('booking:created', onBooking);
  source.on('booking:updated', onBooking);
  source.on('connect', onConnect);
  return () => {
    source.off('booking:created', onBooking);
    source.off('booking:updated', onBooking);
    source.off('connect', onConnect);
  };
};

/** Mount once, in the layout. */
export const useBookingUpdates = (): void => {
  const queryClient = useQueryClient();
  useEffect(() => followBookingUpdates(socket, queryClient), [queryClient]);
};
