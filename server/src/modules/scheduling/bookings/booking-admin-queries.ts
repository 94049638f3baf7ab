import type { DailyCount } from '@coachhub/shared/admin';
import type { BookingPage } from '@coachhub/shared/booking';
import { BOOKING_STATUSES, type BookingStatus } from '@coachhub/shared/scheduling';
import { Types, type QueryFilter } from 'mongoose';
import { windowStart, zeroFilledDays } from '../../../domain/daily-counts.js';
import { sumOf, tally } from '../../../domain/tally.js';
import type { BookingPresenter } from './booking-presenter.js';
import { Booking, type BookingFields } from './booking.model.js';

/* Bookings as the admin area reads them: figures and a read-only lookup. */

export interface BookingFigures {
  total: number;
  byStatus: Record<BookingStatus, number>;
  /** Bookings made per UTC day (by when they were made), the last `days` days, oldest first. */
  madePerDay: DailyCount[];
}

interface FiguresFacets {
  byStatus: { _id: BookingStatus; count: number }[];
  perDay: { _id: string; count: number }[];
}

/** One aggregate over every booking: by status, and made per UTC day. */
export async function bookingFigures(now: Date, days: number): Promise<BookingFigures> {
  const [facets] = await Booking.aggregate<FiguresFacets>([
    {
      $facet: {
        byStatus: [{ $group: { _id: '$status', count: { $sum: 1 } } }],
        perDay: [
          { $match: { createdAt: { $gte: windowStart(now, days), $lte: now } } },
          {
            $group: {
              _id: { $dateToString: { format: '%Y-%m-%d', date: '$createdAt' } },
              count: { $sum: 1 },
            },
          },
        ],
      },
    },
  ]);
  const byStatus = tally(BOOKING_STATUSES, facets?.byStatus ?? []);
  return {
    total: sumOf(byStatus),
    byStatus,
    madePerDay: zeroFilledDays(
      now,
      days,
      (facets?.perDay ?? []).map(({ _id, count }) => ({ date: _id, count })),
    ),
  };
}

/** Which bookings an admin looks up; every given criterion must hold. */
export interface AdminBookingLookup {
  bookingId?: string;
  clientId?: string;
  coachId?: string;
  /** Bookings where either side is one of these people (a search by name or e-mail). */
  participantIds?: readonly string[];
  status?: BookingStatus;
  page: number;
  limit: number;
}

const ids = (values: readonly string[]) => values.map((id) => new Types.ObjectId(id));

/** Any booking, newest start first, as an admin sees it (no actions: admins only read). */
export function createAdminBookingLookup(presenter: BookingPresenter) {
  return async (adminId: string, lookup: AdminBookingLookup): Promise<BookingPage> => {
    const filter: QueryFilter<BookingFields> = {};
    if (lookup.bookingId) filter._id = new Types.ObjectId(lookup.bookingId);
    if (lookup.clientId) filter.client = new Types.ObjectId(lookup.clientId);
    if (lookup.coachId) filter.coach = new Types.ObjectId(lookup.coachId);
    if (lookup.status) filter.status = lookup.status;
    if (lookup.participantIds) {
      const people = ids(lookup.participantIds);
      filter.$or = [{ client: { $in: people } }, { coach: { $in: people } }];
    }
    const [records, total] = await Promise.all([
      Booking.find(filter)
        .sort({ start: -1, _id: -1 })
        .skip((lookup.page - 1) * lookup.limit)
        .limit(lookup.limit)
        .lean(),
      Booking.countDocuments(filter),
    ]);
    return {
      items: await presenter.present(records, adminId),
      page: lookup.page,
      limit: lookup.limit,
      total,
    };
  };
}
