import type { Page } from '@coachhub/shared/pagination';
import type {
  CoachReviewsPage,
  MyReviewsPage,
  ReviewDetailRatings,
  ReviewDTO,
  ReviewModerationPage,
} from '@coachhub/shared/review';
import mongoose, { Types, type ClientSession, type QueryFilter } from 'mongoose';
import type { Actor } from '../../core/auth/principal.js';
import { isDuplicateKeyError } from '../../core/db/duplicate-key.js';
import { AppError, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import {
  canEditResponse,
  canModerate,
  ratingDelta,
  ratingDistribution,
  reviewRefusal,
} from '../../domain/review-rules.js';
import { recordAudit } from '../audit/audit.service.js';
import { applyRatingChange } from '../coaches/coach-records.js';
import { findVisibleCoach } from '../coaches/coach-visibility.js';
import { findBookingSummary } from '../scheduling/bookings/booking-lookup.js';
import { findUserSummaries } from '../users/user-accounts.js';
import { toReviewDTO } from './review.mapper.js';
import { Review, type ReviewRecord } from './review.model.js';

export interface CreateReviewInput {
  bookingId: string;
  rating: number;
  comment: string;
  ratings: ReviewDetailRatings;
}

/** An admin's hide or restore: who, which review, and why (written to the audit log). */
export interface ModerateReviewInput {
  reviewId: string;
  actorId: string;
  reason: string;
}

export interface ModerationListInput {
  /** true: hidden only; false: visible only; undefined: both. */
  hidden?: boolean;
  coachId?: string;
  page: number;
  limit: number;
}

export interface PageInput {
  page: number;
  limit: number;
}

const NEWEST_FIRST = { createdAt: -1, _id: -1 } as const;

const REFUSALS = {
  not_found: () => notFound('Booking'),
  not_completed: () =>
    new AppError(409, 'BOOKING_NOT_COMPLETED', 'Only a completed session can be reviewed'),
  already_reviewed: () =>
    new AppError(409, 'ALREADY_REVIEWED', 'This session has already been reviewed'),
} as const;

/**
 * Reviews of completed bookings, the coach's replies, and their moderation. A review, its
 * hiding and its restoring change the coach's rating in the same transaction (through the
 * coaches module's `applyRatingChange`), so the rating always counts exactly the visible reviews.
 * Events follow the commit: `review.created`, `review.hidden`, `review.restored`, and
 * `review.responded` for a coach's first reply.
 */
export function createReviewsService(deps: { events: EventBus; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  /** DTOs in order, with one query for all their authors. */
  async function present(records: readonly ReviewRecord[]): Promise<ReviewDTO[]> {
    const authors = await findUserSummaries([
      ...new Set(records.map((record) => record.client.toString())),
    ]);
    const byId = new Map(authors.map((author) => [author._id, author]));
    return records.map((record) => toReviewDTO(record, byId.get(record.client.toString())));
  }

  const presentOne = async (record: ReviewRecord): Promise<ReviewDTO> => {
    const [dto] = await present([record]);
    if (!dto) throw notFound('Review');
    return dto;
  };

  async function pageOf(
    filter: QueryFilter<ReviewRecord>,
    { page, limit }: PageInput,
  ): Promise<Page<ReviewDTO>> {
    const [records, total] = await Promise.all([
      Review.find(filter)
        .sort(NEWEST_FIRST)
        .skip((page - 1) * limit)
        .limit(limit)
        .lean<ReviewRecord[]>(),
      Review.countDocuments(filter),
    ]);
    return { items: await present(records), page, limit, total };
  }

  async function moderate(
    input: ModerateReviewInput,
    action: 'hide' | 'restore',
  ): Promise<ReviewDTO> {
    if (!Types.ObjectId.isValid(input.reviewId)) throw notFound('Review');
    const record = await mongoose.connection.transaction(async (session) => {
      const review = await Review.findById(input.reviewId).session(session).lean<ReviewRecord>();
      if (!review) throw notFound('Review');
      if (!canModerate(review.hiddenAt !== null, action)) {
        throw new AppError(
          409,
          'INVALID_TRANSITION',
          action === 'hide' ? 'The review is already hidden' : 'The review is not hidden',
        );
      }
      const changed = await Review.findOneAndUpdate(
        { _id: review._id, hiddenAt: review.hiddenAt },
        {
          $set:
            action === 'hide'
              ? { hiddenAt: now(), hiddenReason: input.reason }
              : { hiddenAt: null, hiddenReason: null },
        },
        { session, returnDocument: 'after' },
      ).lean<ReviewRecord>();
      if (!changed) throw new AppError(409, 'INVALID_TRANSITION', 'The review changed meanwhile');
      const direction = action === 'hide' ? 'remove' : 'add';
      await applyRatingChange(
        review.coach.toString(),
        ratingDelta(review.rating, direction),
        session,
      );
      await recordAudit(
        {
          actorId: input.actorId,
          action: action === 'hide' ? 'review.hide' : 'review.restore',
          targetType: 'review',
          targetId: review._id.toString(),
          reason: input.reason,
        },
        session,
      );
      return changed;
    });
    deps.events.publish(action === 'hide' ? 'review.hidden' : 'review.restored', {
      reviewId: record._id.toString(),
      coachId: record.coach.toString(),
      clientId: record.client.toString(),
      by: input.actorId,
      reason: input.reason,
    });
    return presentOne(record);
  }

  async function insertCounted(
    fields: Omit<
      ReviewRecord,
      '_id' | 'createdAt' | 'updatedAt' | 'response' | 'hiddenAt' | 'hiddenReason'
    >,
    session: ClientSession,
  ): Promise<ReviewRecord> {
    const [created] = await Review.create([fields], { session });
    if (!created) throw new Error('The review was not stored');
    await applyRatingChange(fields.coach.toString(), ratingDelta(fields.rating, 'add'), session);
    return created.toObject<ReviewRecord>();
  }

  return {
    /** The client of a completed booking reviews it, once; anyone else's booking is 404. */
    async create(caller: Actor, input: CreateReviewInput): Promise<ReviewDTO> {
      const booking = await findBookingSummary(input.bookingId);
      const ownBooking = booking !== null && booking.clientId === caller.userId;
      const reviewed = ownBooking && (await Review.exists({ booking: input.bookingId })) !== null;
      const refusal = reviewRefusal(booking, caller.userId, reviewed);
      if (refusal || !booking) throw REFUSALS[refusal ?? 'not_found']();
      let record: ReviewRecord;
      try {
        record = await mongoose.connection.transaction((session) =>
          insertCounted(
            {
              booking: new Types.ObjectId(booking.bookingId),
              coach: new Types.ObjectId(booking.coachId),
              client: new Types.ObjectId(booking.clientId),
              rating: input.rating,
              ratings: input.ratings,
              comment: input.comment,
            },
            session,
          ),
        );
      } catch (error) {
        // The unique index on the booking: a review made at the same moment won.
        if (isDuplicateKeyError(error)) throw REFUSALS.already_reviewed();
        throw error;
      }
      deps.events.publish('review.created', {
        reviewId: record._id.toString(),
        bookingId: booking.bookingId,
        coachId: booking.coachId,
        clientId: booking.clientId,
        rating: record.rating,
      });
      return presentOne(record);
    },

    /**
     * The reviewed coach replies (`created`, and `review.responded` for the client), or edits the
     * reply within the edit window (no event: the client heard of the reply once); after it, 409
     * `RESPONSE_EDIT_CLOSED`. Anyone else: 404.
     */
    async respond(
      caller: Actor,
      reviewId: string,
      body: string,
    ): Promise<{ review: ReviewDTO; created: boolean }> {
      const review = await Review.findById(reviewId).lean<ReviewRecord>();
      if (!review || review.coach.toString() !== caller.userId) throw notFound('Review');
      const at = now();
      if (!review.response) {
        const first = await Review.findOneAndUpdate(
          { _id: review._id, response: null },
          { $set: { response: { body, createdAt: at, editedAt: null } } },
          { returnDocument: 'after' },
        ).lean<ReviewRecord>();
        if (first) {
          deps.events.publish('review.responded', {
            reviewId: first._id.toString(),
            coachId: first.coach.toString(),
            clientId: first.client.toString(),
            at,
          });
          return { review: await presentOne(first), created: true };
        }
      }
      // A reply exists (perhaps one sent a moment ago): this edits it, within the window.
      const current = await Review.findById(reviewId).lean<ReviewRecord>();
      if (!current?.response) throw notFound('Review');
      if (!canEditResponse(current.response.createdAt, at)) {
        throw new AppError(
          409,
          'RESPONSE_EDIT_CLOSED',
          'A reply can be edited only within 24 hours of posting it',
        );
      }
      const edited = await Review.findOneAndUpdate(
        { _id: current._id, 'response.createdAt': current.response.createdAt },
        { $set: { 'response.body': body, 'response.editedAt': at } },
        { returnDocument: 'after' },
      ).lean<ReviewRecord>();
      if (!edited) throw notFound('Review');
      return { review: await presentOne(edited), created: false };
    },

    /**
     * A coach's visible reviews, newest first, with their star distribution and the coach's
     * rating. The coach must be visible to the viewer (as the profile), else 404.
     */
    async listForCoach(
      coachId: string,
      viewer: Actor | undefined,
      page: PageInput,
    ): Promise<CoachReviewsPage> {
      const coach = await findVisibleCoach(coachId, viewer);
      const visible = { coach: coachId, hiddenAt: null };
      const [list, groups] = await Promise.all([
        pageOf(visible, page),
        Review.aggregate<{ _id: number; count: number }>([
          { $match: { coach: new Types.ObjectId(coachId), hiddenAt: null } },
          { $group: { _id: '$rating', count: { $sum: 1 } } },
        ]),
      ]);
      return {
        ...list,
        distribution: ratingDistribution(groups.map((g) => ({ stars: g._id, count: g.count }))),
        average: coach.rating.average,
        count: coach.rating.count,
      };
    },

    /** The caller's own reviews (hidden ones too), newest first; `bookingId` picks one. */
    listMine(caller: Actor, input: PageInput & { bookingId?: string }): Promise<MyReviewsPage> {
      return pageOf(
        { client: caller.userId, ...(input.bookingId ? { booking: input.bookingId } : {}) },
        input,
      );
    },

    /** Any review, hidden or not (admins, report context); 404 when unknown. */
    async getReview(reviewId: string): Promise<ReviewDTO> {
      const review = Types.ObjectId.isValid(reviewId)
        ? await Review.findById(reviewId).lean<ReviewRecord>()
        : null;
      if (!review) throw notFound('Review');
      return presentOne(review);
    },

    /** Every review for the admins' moderation table, newest first. */
    listForModeration(input: ModerationListInput): Promise<ReviewModerationPage> {
      return pageOf(
        {
          ...(input.hidden === true ? { hiddenAt: { $ne: null } } : {}),
          ...(input.hidden === false ? { hiddenAt: null } : {}),
          ...(input.coachId ? { coach: input.coachId } : {}),
        },
        input,
      );
    },

    /**
     * Hides a visible review: in one transaction it is marked hidden with the reason, leaves the
     * coach's rating, and the audit log gets `review.hide`. A hidden one: 409 `INVALID_TRANSITION`.
     */
    hide: (input: ModerateReviewInput): Promise<ReviewDTO> => moderate(input, 'hide'),

    /** The reverse of `hide` (`review.restore`); a visible one: 409 `INVALID_TRANSITION`. */
    restore: (input: ModerateReviewInput): Promise<ReviewDTO> => moderate(input, 'restore'),
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;

/** A coach's visible reviews of one calendar month: how many, and their stars added up. */
export interface MonthlyReviewRatings {
  /** `YYYY-MM` in the zone asked for. */
  month: string;
  count: number;
  sum: number;
}

/**
 * The reviews a coach received from `from` to `to`, grouped by calendar month of `timeZone` (when
 * they were written). Hidden reviews are left out, as they are out of the coach's rating. For the
 * coach's rating trend; the average is the caller's (domain/coach-figures.ts).
 */
export async function coachRatingsByMonth(input: {
  coachId: string;
  timeZone: string;
  from: Date;
  to: Date;
}): Promise<MonthlyReviewRatings[]> {
  const groups = await Review.aggregate<{ _id: string; count: number; sum: number }>([
    {
      $match: {
        coach: new Types.ObjectId(input.coachId),
        hiddenAt: null,
        createdAt: { $gte: input.from, $lte: input.to },
      },
    },
    {
      $group: {
        _id: { $dateToString: { format: '%Y-%m', date: '$createdAt', timezone: input.timeZone } },
        count: { $sum: 1 },
        sum: { $sum: '$rating' },
      },
    },
  ]);
  return groups.map(({ _id, count, sum }) => ({ month: _id, count, sum }));
}
