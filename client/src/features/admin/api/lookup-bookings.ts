import type { AdminBookingQuery } from '@coachhub/shared/admin';
import type { BookingPage } from '@coachhub/shared/booking';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { ADMIN_PAGE_SIZE } from './get-admin-users';

export const lookupBookings = async (query: AdminBookingQuery): Promise<BookingPage> => {
  const { data } = await apiClient.get<BookingPage>('/admin/bookings', {
    params: { ...query, limit: ADMIN_PAGE_SIZE },
  });
  return data;
};

export const bookingLookupQueryOptions = (query: AdminBookingQuery) =>
  queryOptions({
    queryKey: ['admin', 'bookings', query] as const,
    queryFn: () => lookupBookings(query),
  });

/** Only asked once something is looked up: an empty form lists nothing. */
export const useBookingLookup = (query: AdminBookingQuery, enabled: boolean) =>
  useQuery({ ...bookingLookupQueryOptions(query), enabled, placeholderData: keepPreviousData });
