import type { BookingDTO, BookingListQuery, BookingPage } from '@coachhub/shared/booking';
import type { BookingParty, BookingStatus } from '@coachhub/shared/scheduling';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const BOOKINGS_PAGE_SIZE = 10;

/** Upcoming: sessions starting from now on; past: those that started before now. */
export type BookingScope = 'upcoming' | 'past';

export interface BookingListFilters {
  role: BookingParty;
  scope: BookingScope;
  status?: BookingStatus;
  page: number;
}

/** "Now" is read when the request is sent, so a refetch never uses a stale boundary. */
export const toListQuery = (filters: BookingListFilters, now: Date): BookingListQuery => ({
  role: filters.role,
  ...(filters.status ? { status: filters.status } : {}),
  // Upcoming: soonest first; past: most recent first.
  ...(filters.scope === 'upcoming'
    ? { from: now.toISOString(), order: 'asc' as const }
    : { to: now.toISOString(), order: 'desc' as const }),
  page: filters.page,
  limit: BOOKINGS_PAGE_SIZE,
});

export const getBookings = async (filters: BookingListFilters): Promise<BookingPage> => {
  const { data } = await apiClient.get<BookingPage>('/bookings', {
    params: toListQuery(filters, new Date()),
  });
  return data;
};

const LIST_KEY = ['bookings', 'list'] as const;

export const bookingsQueryOptions = (filters: BookingListFilters) =>
  queryOptions({
    queryKey: [...LIST_KEY, filters],
    queryFn: () => getBookings(filters),
  });

export const useBookings = (filters: BookingListFilters) =>
  useQuery({ ...bookingsQueryOptions(filters), placeholderData: keepPreviousData });

const filtersOf = (queryKey: readonly unknown[]): BookingListFilters | null => {
  const filters = queryKey[LIST_KEY.length];
  return typeof filters === 'object' && filters !== null ? (filters as BookingListFilters) : null;
};

/** Whether a list with these filters would hold the booking, as far as the client can tell. */
const couldHold = (filters: BookingListFilters, booking: BookingDTO, role: BookingParty): boolean =>
  filters.role === role && (!filters.status || filters.status === booking.status);

/**
 * Puts a changed or new booking into every cached list. A list already showing it gets the new
 * version in place (at once, no request); a list it may have joined or left (a new booking, a
 * status filter) is marked stale, because only the server knows its order and page boundaries.
 * `role` is the viewer's side of this booking.
 */
export const putBookingInLists = (
  queryClient: QueryClient,
  booking: BookingDTO,
  role: BookingParty,
): void => {
  for (const [queryKey, page] of queryClient.getQueriesData<BookingPage>({ queryKey: LIST_KEY })) {
    const filters = filtersOf(queryKey);
    if (!filters) continue;
    const previous = page?.items.find((item) => item._id === booking._id);
    const belongs = couldHold(filters, booking, role);
    if (previous && page) {
      queryClient.setQueryData<BookingPage>(queryKey, {
        ...page,
        items: page.items.map((item) => (item._id === booking._id ? booking : item)),
      });
    }
    // Joined, left, or moved in time (a reschedule): the server knows the new order.
    const moved = previous !== undefined && previous.start !== booking.start;
    if ((previous !== undefined) !== belongs || moved) {
      void queryClient.invalidateQueries({ queryKey, exact: true });
    }
  }
};

/** Every cached list, e.g. after a reconnect that may have missed events. */
export const invalidateBookingLists = (queryClient: QueryClient): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: LIST_KEY });
