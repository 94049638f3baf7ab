import { createHash } from 'node:crypto';
import type {
  BookingDTO,
  BookingListOrder,
  BookingPage,
  CreateBookingRequest,
} from '@coachhub/shared/booking';
import type { BookingAction, BookingParty, BookingStatus } from '@coachhub/shared/scheduling';
import mongoose, { type QueryFilter, type UpdateQuery } from 'mongoose';
import type { Principal } from '../../../core/auth/principal.js';
import { isDuplicateKeyError } from '../../../core/db/duplicate-key.js';
import { AppError, notFound } from '../../../core/errors.js';
import type { Realtime } from '../../../core/socket/realtime.js';
import { transition, type TransitionResult } from '../../../domain/booking-state.js';
import { cancellationFee } from '../../../domain/cancellation-fee.js';
import { quotePrice } from '../../../domain/pricing.js';
import { loadAvailability } from '../availability/availability-store.js';
import { findVisibleCoachSummary } from '../../coaches/coach-visibility.js';
import { loadPricingRules } from '../pricing/pricing-store.js';
import { SessionType } from '../session-types/session-type.model.js';
import { buildBookingCalendar } from './booking-ics.js';
import type { BookingPresenter } from './booking-presenter.js';
import { assertBookable } from './booking-slot-check.js';
import { partyOf } from './booking.mapper.js';
import {
  Booking,
  type BookingFields,
  type BookingRecord,
  type StoredCancellation,
  type StoredHistoryEntry,
} from './booking.model.js';
import { completedOrActiveSessions } from './client-history.js';
import { newMeetingUrl } from './meeting-url.js';
import { lockSchedules, prepareScheduleLocks } from '../schedule-lock/schedule-lock.js';

/** The actions with a body of `{ reason? }` (everything but reschedule). */
export type SimpleBookingAction = Exclude<BookingAction, 'reschedule'>;

export interface BookingListInput {
  role?: BookingParty;
  status?: BookingStatus;
  from?: Date;
  to?: Date;
  page: number;
  limit: number;
  order: BookingListOrder;
}

export interface CreateOutcome {
  booking: BookingDTO;
  /** false: a retry with the same Idempotency-Key, answered with the first booking. */
  created: boolean;
}

const MINUTE_MS = 60_000;
/** Optimistic writes retry this often when another change got in between. */
const WRITE_ATTEMPTS = 3;

const changedMeanwhile = () =>
  new AppError(409, 'CONFLICT', 'The booking changed meanwhile; reload it and try again');

function transitionError(result: Extract<TransitionResult, { ok: false }>): AppError {
  const { code, message } = result.error;
  return new AppError(code === 'FORBIDDEN' ? 403 : 409, code, message);
}

/** What a create request is about, to tell a retry (same) from a reuse of its key (different). */
function fingerprintOf(request: CreateBookingRequest): string {
  const canonical = JSON.stringify([
    request.coachId,
    request.sessionTypeId,
    new Date(request.start).toISOString(),
    request.notes ? request.notes : null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * A participant's view of the booking. Anyone else: 404, so ids do not confirm that a booking
 * exists, except for admins, who may read every booking (`acting` ones get 403: admins look,
 * they do not act on other people's bookings).
 */
function accessOf(
  booking: BookingRecord | null,
  caller: Principal,
  acting: boolean,
): { booking: BookingRecord; party: BookingParty | null } {
  if (!booking) throw notFound('Booking');
  const party = partyOf(booking, caller.userId);
  if (party) return { booking, party };
  if (caller.role !== 'admin') throw notFound('Booking');
  if (acting) throw new AppError(403, 'FORBIDDEN', 'Admins can read bookings but not change them');
  return { booking, party: null };
}

function historyEntry(
  result: Extract<TransitionResult, { ok: true }>,
  extra: Partial<StoredHistoryEntry> = {},
): StoredHistoryEntry {
  const { action, from, to, by, at } = result.entry;
  return { action, from, to, by, at, ...extra };
}

export function createBookingsService(deps: {
  presenter: BookingPresenter;
  realtime: Pick<Realtime, 'emitToUser'>;
  meetingBaseUrl: string;
}) {
  const { presenter } = deps;

  /** After the write committed: each participant hears of it, with their own allowed actions. */
  async function announce(event: 'booking:created' | 'booking:updated', booking: BookingRecord) {
    const views = await presenter.forBothSides(booking);
    deps.realtime.emitToUser(booking.coach.toString(), event, { booking: views.coach });
    deps.realtime.emitToUser(booking.client.toString(), event, { booking: views.client });
    return views;
  }

  async function presentOne(booking: BookingRecord, viewerId: string): Promise<BookingDTO> {
    const [dto] = await presenter.present([booking], viewerId);
    if (!dto) throw notFound('Booking');
    return dto;
  }

  async function replay(
    existing: BookingRecord,
    fingerprint: string,
    clientId: string,
  ): Promise<CreateOutcome> {
    if (existing.idempotencyFingerprint !== fingerprint) {
      throw new AppError(
        409,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different booking request',
      );
    }
    return { booking: await presentOne(existing, clientId), created: false };
  }

  /**
   * Applies one state change with optimistic concurrency: the write only matches the revision
   * it was decided on, so of two conflicting changes exactly one wins; the other is decided
   * again on the fresh state (and then usually refused by the state machine).
   */
  async function changeState(
    caller: Principal,
    bookingId: string,
    decide: (
      booking: BookingRecord,
      party: BookingParty,
      now: Date,
    ) => Promise<UpdateQuery<BookingFields>>,
  ): Promise<BookingDTO> {
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const found = await Booking.findById(bookingId).lean();
      const { booking, party } = accessOf(found, caller, true);
      if (!party) throw notFound('Booking');
      const update = await decide(booking, party, new Date());
      const updated = await Booking.findOneAndUpdate(
        { _id: booking._id, revision: booking.revision, status: booking.status },
        { ...update, $inc: { ...(update.$inc ?? {}), revision: 1 } },
        { returnDocument: 'after', runValidators: true },
      ).lean();
      if (updated) {
        const views = await announce('booking:updated', updated);
        return views[party];
      }
    }
    throw changedMeanwhile();
  }

  return {
    /**
     * Books a slot for the caller (a client, or any user other than the coach; admins do not
     * book). One transaction: the coach's and the client's schedule locks first, then every
     * check on what the transaction sees, then the insert. Concurrent requests for overlapping
     * times bump the same lock document, so the database lets one commit and retries the
     * others, which then see its booking and answer 409 BOOKING_CONFLICT.
     */
    async create(
      caller: Principal,
      request: CreateBookingRequest,
      idempotencyKey: string | undefined,
    ): Promise<CreateOutcome> {
      if (caller.role === 'admin') {
        throw new AppError(403, 'FORBIDDEN', 'Admin accounts do not book sessions');
      }
      if (caller.userId === request.coachId) {
        throw new AppError(403, 'FORBIDDEN', 'Coaches cannot book their own sessions');
      }
      const clientId = caller.userId;
      const coachId = request.coachId;
      const fingerprint = fingerprintOf(request);
      const findFirst = () =>
        idempotencyKey === undefined
          ? null
          : Booking.findOne({ client: clientId, idempotencyKey }).lean();

      const earlier = await findFirst();
      if (earlier) return replay(earlier, fingerprint, clientId);
      const coach = await findVisibleCoachSummary(coachId, caller);
      const bookable = { active: true, _id: request.sessionTypeId, coach: coachId };
      const offered = await SessionType.findOne(bookable).select('durationMinutes').lean();
      if (!offered) throw notFound('Session type');
      const requestedStart = new Date(request.start);
      const prescreen = {
        coachId,
        clientId,
        start: requestedStart,
        end: new Date(requestedStart.getTime() + offered.durationMinutes * MINUTE_MS),
        durationMinutes: offered.durationMinutes,
        availability: await loadAvailability(coachId, { coachTimeZone: coach.timeZone }),
      };

      await prepareScheduleLocks([coachId, clientId]);
      let outcome: BookingRecord | { replayOf: BookingRecord };
      try {
        outcome = await mongoose.connection.transaction(async (session) => {
          // On committed data, without the locks: once a competing booking has committed, a
          // retried attempt answers at once instead of queueing for the lock. Never admits.
          try {
            await assertBookable({ ...prescreen, now: new Date() });
          } catch (error) {
            // The booking in the way may be this request's own first attempt (same key).
            const committed = await findFirst();
            if (committed) return { replayOf: committed };
            throw error;
          }
          await lockSchedules([coachId, clientId], session);
          if (idempotencyKey !== undefined) {
            // Same client, same key, a moment ago: the lock made us wait for it; answer with it.
            const first = await Booking.findOne({ client: clientId, idempotencyKey })
              .session(session)
              .lean();
            if (first) return { replayOf: first };
          }
          const sessionType = await SessionType.findOne(bookable).session(session).lean();
          if (!sessionType) throw notFound('Session type');
          const availability = await loadAvailability(coachId, {
            session,
            coachTimeZone: coach.timeZone,
          });
          const now = new Date();
          const start = requestedStart;
          const end = new Date(start.getTime() + sessionType.durationMinutes * MINUTE_MS);
          await assertBookable({
            coachId,
            clientId,
            start,
            end,
            durationMinutes: sessionType.durationMinutes,
            availability,
            now,
            session,
          });
          const rules = await loadPricingRules(coachId, session);
          const sessions = await completedOrActiveSessions(clientId, coachId, session);
          const quote = quotePrice({
            config: rules,
            sessionType: {
              _id: sessionType._id.toString(),
              durationMinutes: sessionType.durationMinutes,
              title: sessionType.title,
            },
            start,
            now,
            clientHistory: { completedOrActiveSessions: sessions },
          });
          const status: BookingStatus = availability.settings.requiresApproval
            ? 'pending'
            : 'confirmed';
          const [created] = await Booking.create(
            [
              {
                coach: coachId,
                client: clientId,
                sessionType: sessionType._id,
                sessionTypeSnapshot: {
                  title: sessionType.title,
                  durationMinutes: sessionType.durationMinutes,
                  mode: sessionType.mode,
                },
                start,
                end,
                status,
                quote,
                notes: request.notes ? request.notes : null,
                meetingUrl: status === 'confirmed' ? newMeetingUrl(deps.meetingBaseUrl) : null,
                cancellation: null,
                history: [{ action: 'create', from: null, to: status, by: 'client', at: now }],
                ...(idempotencyKey === undefined
                  ? {}
                  : { idempotencyKey, idempotencyFingerprint: fingerprint }),
              },
            ],
            { session },
          );
          if (!created) throw new Error('Booking.create returned nothing');
          return created.toObject();
        });
      } catch (error) {
        // Only possible when a retry slipped in between, e.g. on a database without the lock.
        const first = isDuplicateKeyError(error) ? await findFirst() : null;
        if (!first) throw error;
        outcome = { replayOf: first };
      }
      if ('replayOf' in outcome) return replay(outcome.replayOf, fingerprint, clientId);
      const views = await announce('booking:created', outcome);
      return { booking: views.client, created: true };
    },

    /** The caller's bookings (as client, as coach, or both), filtered and paged. */
    async list(caller: Principal, input: BookingListInput): Promise<BookingPage> {
      const me = caller.userId;
      const filter: QueryFilter<BookingFields> =
        input.role === 'client'
          ? { client: me }
          : input.role === 'coach'
            ? { coach: me }
            : { $or: [{ client: me }, { coach: me }] };
      if (input.status) filter.status = input.status;
      if (input.from || input.to) {
        filter.start = {
          ...(input.from ? { $gte: input.from } : {}),
          ...(input.to ? { $lt: input.to } : {}),
        };
      }
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
        items: await presenter.present(records, me),
        page: input.page,
        limit: input.limit,
        total,
      };
    },

    /** Participants and admins; 404 for anyone else. */
    async get(caller: Principal, bookingId: string): Promise<BookingDTO> {
      const { booking } = accessOf(await Booking.findById(bookingId).lean(), caller, false);
      return presentOne(booking, caller.userId);
    },

    /** The booking as an iCalendar file (participants and admins). */
    async calendar(caller: Principal, bookingId: string): Promise<string> {
      const { booking } = accessOf(await Booking.findById(bookingId).lean(), caller, false);
      const [dto] = await presenter.present([booking], caller.userId);
      if (!dto) throw notFound('Booking');
      return buildBookingCalendar(booking, dto);
    },

    /** confirm, decline, cancel, complete, no_show: each checked by the one state machine. */
    act(
      caller: Principal,
      bookingId: string,
      action: SimpleBookingAction,
      reason: string | undefined,
    ): Promise<BookingDTO> {
      return changeState(caller, bookingId, async (booking, party, now) => {
        const result = transition(booking, action, party, now);
        if (!result.ok) throw transitionError(result);
        const entry = historyEntry(result, reason ? { reason } : {});
        const update: UpdateQuery<BookingFields> = {
          $set: { status: result.status },
          $push: { history: entry },
        };
        switch (action) {
          case 'confirm':
            update.$set = { ...update.$set, meetingUrl: newMeetingUrl(deps.meetingBaseUrl) };
            update.$inc = { icsSequence: 1 };
            break;
          case 'decline':
            update.$inc = { icsSequence: 1 };
            break;
          case 'cancel':
            update.$set = {
              ...update.$set,
              cancellation: await cancellationOf(booking, party, now, reason),
            };
            update.$inc = { icsSequence: 1 };
            break;
          case 'complete':
          case 'no_show':
            break;
        }
        return update;
      });
    },

    /**
     * Moves the booking to a new start (same duration, same status, same quote). Checked like a
     * new booking, in a transaction holding both schedule locks, with the booking left out of
     * its own conflicts. History keeps where it was; the calendar SEQUENCE goes up.
     */
    async reschedule(caller: Principal, bookingId: string, newStart: Date): Promise<BookingDTO> {
      const { booking, party } = accessOf(await Booking.findById(bookingId).lean(), caller, true);
      if (!party) throw notFound('Booking');
      const early = transition(booking, 'reschedule', party, new Date());
      if (!early.ok) throw transitionError(early);
      const coachId = booking.coach.toString();
      const clientId = booking.client.toString();
      await prepareScheduleLocks([coachId, clientId]);
      const updated = await mongoose.connection.transaction(async (session) => {
        await lockSchedules([coachId, clientId], session);
        const current = await Booking.findById(bookingId).session(session).lean();
        if (!current) throw notFound('Booking');
        const now = new Date();
        const result = transition(current, 'reschedule', party, now);
        if (!result.ok) throw transitionError(result);
        const durationMinutes = current.sessionTypeSnapshot.durationMinutes;
        const end = new Date(newStart.getTime() + durationMinutes * MINUTE_MS);
        await assertBookable({
          coachId,
          clientId,
          start: newStart,
          end,
          durationMinutes,
          availability: await loadAvailability(coachId, { session }),
          now,
          session,
          exclude: current._id,
        });
        return Booking.findOneAndUpdate(
          { _id: current._id, revision: current.revision },
          {
            $set: { start: newStart, end },
            $push: {
              history: historyEntry(result, {
                previousStart: current.start,
                previousEnd: current.end,
              }),
            },
            $inc: { icsSequence: 1, revision: 1 },
          },
          { returnDocument: 'after', session },
        ).lean();
      });
      if (!updated) throw changedMeanwhile();
      const views = await announce('booking:updated', updated);
      return views[party];
    },
  };
}

/**
 * The fee of a cancellation, from the coach's policy at this moment. A still-`pending` booking
 * cancels free, whoever cancels and however late: the coach never accepted it, so the client
 * withdrawing a request (or the coach letting it go) costs nothing. A confirmed one follows
 * domain/cancellation-fee.ts (free for the coach, free early, the policy's share late).
 */
async function cancellationOf(
  booking: BookingRecord,
  party: BookingParty,
  now: Date,
  reason: string | undefined,
): Promise<StoredCancellation> {
  const base = { by: party, at: now, reason: reason ?? null };
  if (booking.status === 'pending') {
    return {
      ...base,
      fee: { amount: 0, currency: booking.quote.currency },
      feeReason: 'pending_request',
    };
  }
  const { settings } = await loadAvailability(booking.coach.toString());
  const fee = cancellationFee({
    policy: settings.cancellationPolicy,
    quoted: { amount: booking.quote.amount, currency: booking.quote.currency },
    start: booking.start,
    cancelledAt: now,
    cancelledBy: party,
  });
  return { ...base, fee: { amount: fee.amount, currency: fee.currency }, feeReason: fee.reason };
}

export type BookingsService = ReturnType<typeof createBookingsService>;
