import type { BookingDTO, BookingListOrder, BookingPage } from '@coachhub/shared/booking';
import type { BookingParty, BookingStatus } from '@coachhub/shared/scheduling';
import type { QueryFilter } from 'mongoose';
import type { Principal } from '../../../core/auth/principal.js';
import { readableBooking } from './booking-access.js';
import { buildBookingCalendar } from './booking-ics.js';
import { partyOf } from './booking.mapper.js';
import type { BookingPresenter } from './booking-presenter.js';
import { Booking, type BookingFields } from './booking.model.js';

export interface BookingListInput {
  role?: BookingParty;
  status?: BookingStatus;
  from?: Date;
  to?: Date;
  page: number;
  limit: number;
  order: BookingListOrder;
}

function listFilter(userId: string, input: BookingListInput): QueryFilter<BookingFields> {
  const filter: QueryFilter<BookingFields> =
    input.role === 'client'
      ? { client: userId }
      : input.role === 'coach'
        ? { coach: userId }
        : { $or: [{ client: userId }, { coach: userId }] };
  if (input.status) filter.status = input.status;
  if (input.from || input.to) {
    filter.start = {
      ...(input.from ? { $gte: input.from } : {}),
      ...(input.to ? { $lt: input.to } : {}),
    };
  }
  return filter;
}

/** Reading bookings: the caller's list, one booking, its calendar file. */
export function createBookingQueries(presenter: BookingPresenter) {
  return {
    /** The caller's bookings (as client, as coach, or both), filtered and paged. */
    async list(caller: Principal, input: BookingListInput): Promise<BookingPage> {
      const filter = listFilter(caller.userId, input);
      const direction = input.order === 'desc' ? -1 : 1;
      const [records, total] = await Promise.all([
        Booking.find(filter)
          .sort({ start: direction, _id: direction })
          .skip((input.page - 1) * input.limit)
          .limit(input.limit)
          .lean(),
        Booking.countDocuments(filter),
      ]);
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
      const dto = await presenter.presentOne(booking, userId);
      return buildBookingCalendar(dto, booking.icsSequence);
    },

    /** The booking as an iCalendar file (participants and admins). */
    async calendar(caller: Principal, bookingId: string): Promise<string> {
      const { booking } = await readableBooking(caller, bookingId);
      const dto = await presenter.presentOne(booking, caller.userId);
      return buildBookingCalendar(dto, booking.icsSequence);
    },
  };
}
