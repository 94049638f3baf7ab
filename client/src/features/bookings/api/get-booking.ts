import type { BookingDTO } from '@coachhub/shared/booking';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const getBooking = async (id: string): Promise<BookingDTO> => {
  const { data } = await apiClient.get<BookingDTO>(`/bookings/${encodeURIComponent(id)}`);
  return data;
};

export const bookingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['bookings', 'detail', id],
    queryFn: () => getBooking(id),
  });

export const useBooking = (id: string) => useQuery(bookingQueryOptions(id));

export const invalidateBooking = (queryClient: QueryClient, id: string): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: bookingQueryOptions(id).queryKey });

/** Stores a booking the API answered with elsewhere (a create, an action, a socket event). */
export const setBookingData = (queryClient: QueryClient, booking: BookingDTO): void => {
  queryClient.setQueryData(bookingQueryOptions(booking._id).queryKey, booking);
};
