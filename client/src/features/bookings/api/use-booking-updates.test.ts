import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { setSessionUser } from '@/lib/auth/session';
import { makeBooking } from '@/testing/booking-fixtures';
import { makePage, makeUser } from '@/testing/fixtures';
import { createFakeSocket } from '@/testing/fake-socket';

import { bookingQueryOptions } from './get-booking';
import { bookingsQueryOptions } from './get-bookings';
import type { BookingListFilters } from './get-bookings';
import { slotsQueryOptions } from './get-slots';
import { followBookingUpdates } from './use-booking-updates';

const coachView = (overrides: Partial<BookingListFilters> = {}): BookingListFilters => ({
  role: 'coach',
  scope: 'upcoming',
  page: 1,
  ...overrides,
});

describe('followBookingUpdates', () => {
  const setup = () => {
    const queryClient = new QueryClient();
    // The viewer is the coach of the bookings below (makeCoach's id).
    setSessionUser(queryClient, makeUser({ _id: 'coach-1', role: 'coach' }));
    const { fake, socket } = createFakeSocket();
    const stop = followBookingUpdates(socket, queryClient);
    return { queryClient, fake, stop };
  };

  it('replaces a shown booking in place, in its detail and in every list showing it', () => {
    const { queryClient, fake, stop } = setup();
    const pending = makeBooking();
    const all = bookingsQueryOptions(coachView()).queryKey;
    const pendingOnly = bookingsQueryOptions(coachView({ status: 'pending' })).queryKey;
    queryClient.setQueryData(all, makePage([pending]));
    queryClient.setQueryData(pendingOnly, makePage([pending]));

    const confirmed = makeBooking({ status: 'confirmed', allowedActions: ['cancel'] });
    fake.fire('booking:updated', { booking: confirmed });

    expect(queryClient.getQueryData(all)?.items).toEqual([confirmed]);
    expect(queryClient.getQueryState(all)?.isInvalidated).toBe(false);
    expect(queryClient.getQueryData(bookingQueryOptions('booking-1').queryKey)).toEqual(confirmed);
    // It no longer belongs to the pending list: that one is fetched again.
    expect(queryClient.getQueryState(pendingOnly)?.isInvalidated).toBe(true);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it("marks the viewer's matching lists and the coach's free slots stale for a new booking", () => {
    const { queryClient, fake } = setup();
    const coachList = bookingsQueryOptions(coachView()).queryKey;
    const clientList = bookingsQueryOptions(coachView({ role: 'client' })).queryKey;
    const slots = slotsQueryOptions({
      coachId: 'coach-1',
      sessionTypeId: 'type-1',
      from: '2026-05-01T00:00:00.000Z',
      to: '2026-06-01T00:00:00.000Z',
      timeZone: 'UTC',
    }).queryKey;
    queryClient.setQueryData(coachList, makePage([]));
    queryClient.setQueryData(clientList, makePage([]));
    queryClient.setQueryData(slots, { timeZone: 'UTC', coachTimeZone: 'UTC', slots: [] });

    fake.fire('booking:created', { booking: makeBooking({ _id: 'booking-2' }) });

    expect(queryClient.getQueryState(coachList)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(clientList)?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(slots)?.isInvalidated).toBe(true);
  });
});
