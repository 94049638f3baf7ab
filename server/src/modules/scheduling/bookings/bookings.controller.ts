import { DEFAULT_PAGE_LIMIT } from '@coachhub/shared/pagination';
import { IDEMPOTENCY_KEY_HEADER, type BookingTransitionRequest } from '@coachhub/shared/booking';
import type { RequestHandler } from 'express';
import { principalOf } from '../../../core/auth/auth.middleware.js';
import { validated } from '../../../core/validation.js';
import type { BookingListInput, BookingsService, SimpleBookingAction } from './bookings.service.js';
import { bookingUid } from './booking-ics.js';
import type { CreateBookingInput } from './booking-idempotency.js';

type ListQuery = Partial<BookingListInput>;

export function createBookingsController(bookings: BookingsService) {
  const create: RequestHandler = async (req, res) => {
    const request = validated<CreateBookingInput>(req);
    const outcome = await bookings.create(
      principalOf(req),
      request,
      req.get(IDEMPOTENCY_KEY_HEADER),
    );
    // A retry gets the first answer again, marked as such.
    if (!outcome.created) res.setHeader('Idempotent-Replayed', 'true');
    // Paid online: the booking awaits payment, and the client pays at the checkout (api.md).
    const { booking, checkoutUrl } = outcome;
    res.status(201).json(checkoutUrl === undefined ? booking : { booking, checkoutUrl });
  };

  const list: RequestHandler = async (req, res) => {
    const query = validated<ListQuery>(req);
    res.json(
      await bookings.list(principalOf(req), {
        ...query,
        page: query.page ?? 1,
        limit: query.limit ?? DEFAULT_PAGE_LIMIT,
        order: query.order ?? 'asc',
      }),
    );
  };

  const get: RequestHandler = async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    res.json(await bookings.get(principalOf(req), id));
  };

  const calendar: RequestHandler = async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    const ics = await bookings.calendar(principalOf(req), id);
    res
      .type('text/calendar; charset=utf-8')
      .attachment(`coachhub-${bookingUid(id).split('@')[0]}.ics`)
      .send(ics);
  };

  const act =
    (action: SimpleBookingAction): RequestHandler =>
    async (req, res) => {
      const { id, reason } = validated<BookingTransitionRequest & { id: string }>(req);
      res.json(await bookings.act(principalOf(req), id, action, reason || undefined));
    };

  const reschedule: RequestHandler = async (req, res) => {
    const { id, start } = validated<{ id: string; start: Date }>(req);
    const booking = await bookings.reschedule(principalOf(req), id, start);
    // 202: the move waits for the coach's approval (the booking carries `pendingReschedule`).
    res.status(booking.pendingReschedule ? 202 : 200).json(booking);
  };

  return { create, list, get, calendar, act, reschedule };
}
