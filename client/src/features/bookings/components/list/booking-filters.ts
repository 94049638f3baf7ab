import { BOOKING_STATUSES } from '@coachhub/shared/scheduling';
import type { BookingParty, BookingStatus } from '@coachhub/shared/scheduling';

import type { BookingListFilters, BookingScope } from '../../api/get-bookings';

/** The list's filters live in the URL, so reload and back keep them. */
export const FILTER_PARAMS = ['scope', 'status', 'page', 'as'] as const;

const isStatus = (value: string | null): value is BookingStatus =>
  (BOOKING_STATUSES as readonly (string | null)[]).includes(value);

export const readBookingFilters = (
  params: URLSearchParams,
  defaultRole: BookingParty,
  roleSwitchable: boolean,
): BookingListFilters => {
  const scope: BookingScope = params.get('scope') === 'past' ? 'past' : 'upcoming';
  const status = params.get('status');
  const page = Number(params.get('page'));
  const as = params.get('as');
  const role: BookingParty =
    roleSwitchable && (as === 'client' || as === 'coach') ? as : defaultRole;
  return {
    role,
    scope,
    ...(isStatus(status) ? { status } : {}),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
};

/** The URL's params with the filters changed; any change but the page starts on page 1. */
export const writeBookingFilters = (
  params: URLSearchParams,
  changes: Partial<Record<(typeof FILTER_PARAMS)[number], string | null>>,
): URLSearchParams => {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '' || value === undefined) next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
};
