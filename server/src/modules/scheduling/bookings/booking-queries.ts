import type { BookingDTO, BookingListOrder, BookingPage } from '@coachhub/shared/booking';
import type { BookingParty, BookingStatus } from '@coachhub/shared/scheduling';
import { Types, type Collection, type mongo, type QueryFilter } from 'mongoose';
import type { Principal } from '../../../core/auth/principal.js';
import { createReadCache, type ReadCache } from '../../../core/http/read-cache.js';
import { findUsersByIds } from '../../users/user-accounts.js';
import type { UserRecord } from '../../users/user.types.js';
import { readableBooking } from './booking-access.js';
import { buildBookingCalendar, type CalendarAddresses } from './booking-ics.js';
import { partyOf } from './booking.mapper.js';
import type { BookingPresenter } from './booking-presenter.js';
import { Booking, type BookingFields, type BookingRecord } from './booking.model.js';

export interface BookingListInput {
  role?: BookingParty;
  status?: BookingStatus;
  from?: Date;
  to?: Date;
  page: number;
  limit: number;
  order: BookingListOrder;
}

/** Typed values only (ids as ObjectIds), so that the driver can run it as Mongoose would. */
function listFilter(userId: string, input: BookingListInput): QueryFilter<BookingFields> {
  const id = new Types.ObjectId(userId);
  const filter: QueryFilter<BookingFields> =
    input.role === 'client'
      ? { client: id }
      : input.role === 'coach'
        ? { coach: id }
        : { $or: [{ client: id }, { coach: id }] };
  if (input.status) filter.status = input.status;
  if (input.from || input.to) {
    filter.start = {
      ...(input.from ? { $gte: input.from } : {}),
      ...(input.to ? { $lt: input.to } : {}),
    };
  }
  return filter;
}

/** The participants' addresses for the .ics (each file goes only to a participant or an admin). */
async function addressesOf(
  booking: Pick<BookingFields, 'coach' | 'client'>,
): Promise<CalendarAddresses> {
  const coachId = String(booking.coach);
  const clientId = String(booking.client);
  const users = await findUsersByIds<Pick<UserRecord, '_id' | 'email'>>(
    [coachId, clientId],
    'email',
  );
  const emailOf = (id: string) => users.find((user) => String(user._id) === id)?.email ?? '';
  return { coach: emailOf(coachId), client: emailOf(clientId) };
}

/** Whose list, which filter and page: what names one kept list. */
function listKey(userId: string, input: BookingListInput): string {
  const { role, status, from, to, page, limit, order } = input;
  return [userId, role, status, from?.getTime(), to?.getTime(), page, limit, order].join(' ');
}

interface ListedBookings {
  records: BookingRecord[];
  total: number;
}

async function readList(userId: string, input: BookingListInput): Promise<ListedBookings> {
  const filter = listFilter(userId, input);
  const direction = input.order === 'desc' ? -1 : 1;
  const skip = (input.page - 1) * input.limit;
  // The page through the driver: the filter is already typed, so Mongoose's query (casting,
  // hooks, its promise chain) would add CPU to every list read and nothing to what comes back.
  const bookings = Booking.collection as unknown as Collection<BookingRecord>;
  const records = await bookings
    .find(filter as mongo.Filter<BookingRecord>, {
      sort: { start: direction, _id: direction },
      skip,
      limit: input.limit,
    })
    .toArray();
  // A page that is not full is the last one: it tells the total without counting (an empty page
  // after the first does not, as the list may end before it).
  const isLast = records.length < input.limit && (records.length > 0 || input.page === 1);
  const total = isLast ? skip + records.length : await Booking.countDocuments(filter);
  return { records, total };
}

/**
 * Reading bookings: the caller's list, one booking, its calendar file. A list's page of records
 * and its total are kept in `reads` until the next change clears it (every booking change is a
 * write request or a `booking.*` event), and answered from there only once the database has
 * answered a ping for this read (`confirmed`): while it cannot be reached the list answers 503 as
 * every read does. What depends on the moment (allowed actions) is computed on each read.
 */
export function createBookingQueries(presenter: BookingPresenter, reads?: ReadCache) {
  const lists = (reads ?? createReadCache({ ttlMs: 0 })).kept<ListedBookings>('booking lists', {
    confirmed: true,
  });
  return {
    /** The caller's bookings (as client, as coach, or both), filtered and paged. */
    async list(caller: Principal, input: BookingListInput): Promise<BookingPage> {
      const { records, total } = await lists.read(listKey(caller.userId, input), () =>
        readList(caller.userId, input),
      );
      return {
        items: await presenter.present(records, caller.userId),
        page: input.page,
        limit: input.limit,
        total,
      };
    },

    /** Participants and admins; 404 for anyone else. */
    async get(caller: Principal, bookingId: string): Promise<BookingDTO> {
      const { booking } = await readableBooking(caller, bookingId);
      return presenter.presentOne(booking, caller.userId);
    },

    /** The booking's .ics as this participant sees it (for mails); null for anyone else. */
    async calendarForParticipant(userId: string, bookingId: string): Promise<string | null> {
      const booking = await Booking.findById(bookingId).lean();
      if (!booking || partyOf(booking, userId) === null) return null;
      const [dto, addresses] = await Promise.all([
        presenter.presentOne(booking, userId),
        addressesOf(booking),
      ]);
      return buildBookingCalendar(dto, booking.icsSequence, addresses);
    },

    /** The booking as an iCalendar file (participants and admins). */
    async calendar(caller: Principal, bookingId: string): Promise<string> {
      const { booking } = await readableBooking(caller, bookingId);
      const [dto, addresses] = await Promise.all([
        presenter.presentOne(booking, caller.userId),
        addressesOf(booking),
      ]);
      return buildBookingCalendar(dto, booking.icsSequence, addresses);
    },
  };
}
