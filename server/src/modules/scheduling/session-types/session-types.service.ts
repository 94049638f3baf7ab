import type {
  CreateSessionTypeRequest,
  SessionTypeDTO,
  UpdateSessionTypeRequest,
} from '@coachhub/shared/booking';
import mongoose, { type ClientSession } from 'mongoose';
import type { Principal } from '../../../core/auth/principal.js';
import { isDuplicateKeyError } from '../../../core/db/duplicate-key.js';
import { AppError, notFound } from '../../../core/errors.js';
import type { PricingRules } from '../../../domain/pricing.js';
import { coachExists } from '../../coaches/coach-records.js';
import { findVisibleCoachSummary, isOwnCoach } from '../../coaches/coach-visibility.js';
import { lockSchedules, prepareScheduleLocks } from '../schedule-lock/schedule-lock.js';
import { toSessionTypeDTO } from './session-type.mapper.js';
import {
  MAX_SESSION_TYPES_PER_COACH,
  SessionType,
  type SessionTypeRecord,
} from './session-type.model.js';
import { slugify } from './slug.js';

/**
 * What session types need from pricing, which sits above them (prices name session types).
 * Implemented by the pricing module and injected by the app.
 */
export interface SessionTypePricing {
  /** The coach's pricing rules, for each type's displayed price. */
  rulesFor(coachId: string): Promise<PricingRules>;
  /** Inside the caller's transaction, after the coach's offer changed (keeps `priceFrom`). */
  offerChanged(coachId: string, session: ClientSession): Promise<void>;
  /** Inside the caller's transaction, after a type was deleted: its own rate goes too. */
  sessionTypeRemoved(coachId: string, sessionTypeId: string, session: ClientSession): Promise<void>;
}

/** Whether a session type still has upcoming active bookings; answered by bookings (above). */
export type HasUpcomingBookings = (
  sessionTypeId: string,
  session: ClientSession,
) => Promise<boolean>;

const slugTaken = (slug: string) =>
  new AppError(409, 'CONFLICT', `You already have a session type with the slug "${slug}"`);

const notYours = () =>
  new AppError(403, 'FORBIDDEN', 'Only the coach who offers this session type can change it');

/** A free slug for this coach: the base, else base-2, base-3, ... */
async function freeSlug(coachId: string, base: string, session: ClientSession): Promise<string> {
  const pattern = new RegExp(`^${base}(?:-(\\d+))?$`);
  const taken = await SessionType.find({ coach: coachId, slug: pattern })
    .select('slug')
    .session(session)
    .lean();
  if (!taken.some((type) => type.slug === base)) return base;
  const numbers = taken.map((type) => Number(pattern.exec(type.slug)?.[1] ?? 1));
  return `${base}-${Math.max(...numbers) + 1}`;
}

/** The owner's session type, or 404 (unknown) / 403 (another coach's). */
async function ownSessionType(
  id: string,
  caller: Principal,
  session?: ClientSession,
): Promise<SessionTypeRecord> {
  const record = await SessionType.findById(id)
    .session(session ?? null)
    .lean();
  if (!record) throw notFound('Session type');
  if (record.coach.toString() !== caller.userId) throw notYours();
  return record;
}

export function createSessionTypesService(deps: {
  pricing: SessionTypePricing;
  hasUpcomingBookings: HasUpcomingBookings;
}) {
  const { pricing } = deps;

  async function presentAll(coachId: string, records: SessionTypeRecord[]) {
    if (records.length === 0) return [];
    const rules = await pricing.rulesFor(coachId);
    return records.map((record) => toSessionTypeDTO(record, rules));
  }

  return {
    /** Public: the active types of a visible coach. The coach themself sees all of theirs. */
    async listForCoach(coachId: string, viewer: Principal | undefined): Promise<SessionTypeDTO[]> {
      await findVisibleCoachSummary(coachId, viewer);
      const filter = isOwnCoach(coachId, viewer) ? {} : { active: true };
      const records = await SessionType.find({ coach: coachId, ...filter })
        .sort({ createdAt: 1, _id: 1 })
        .lean();
      return presentAll(coachId, records);
    },

    /** For the profile page (`GET /api/coaches/:userId`), whose caller checked visibility. */
    async activeForProfile(coachId: string): Promise<SessionTypeDTO[]> {
      const records = await SessionType.find({ coach: coachId, active: true })
        .sort({ createdAt: 1, _id: 1 })
        .lean();
      return presentAll(coachId, records);
    },

    async create(caller: Principal, request: CreateSessionTypeRequest): Promise<SessionTypeDTO> {
      if (!(await coachExists(caller.userId))) {
        throw new AppError(403, 'FORBIDDEN', 'Only coaches offer session types');
      }
      const coachId = caller.userId;
      try {
        const record = await mongoose.connection.transaction(async (session) => {
          const count = await SessionType.countDocuments({ coach: coachId }).session(session);
          if (count >= MAX_SESSION_TYPES_PER_COACH) {
            throw new AppError(
              409,
              'CONFLICT',
              `A coach can have at most ${MAX_SESSION_TYPES_PER_COACH} session types`,
            );
          }
          let slug = request.slug;
          if (slug === undefined) slug = await freeSlug(coachId, slugify(request.title), session);
          else if (await SessionType.exists({ coach: coachId, slug }).session(session)) {
            throw slugTaken(slug);
          }
          const [created] = await SessionType.create(
            [
              {
                coach: coachId,
                title: request.title,
                slug,
                durationMinutes: request.durationMinutes,
                description: request.description ?? '',
                mode: request.mode,
                active: request.active ?? true,
              },
            ],
            { session },
          );
          if (!created) throw new Error('SessionType.create returned nothing');
          await pricing.offerChanged(coachId, session);
          return created.toObject();
        });
        const [dto] = await presentAll(coachId, [record]);
        if (!dto) throw new Error('session type vanished');
        return dto;
      } catch (error) {
        if (isDuplicateKeyError(error)) throw slugTaken(request.slug ?? request.title);
        throw error;
      }
    },

    async update(
      caller: Principal,
      id: string,
      changes: UpdateSessionTypeRequest,
    ): Promise<SessionTypeDTO> {
      try {
        const record = await mongoose.connection.transaction(async (session) => {
          const current = await ownSessionType(id, caller, session);
          if (
            changes.slug !== undefined &&
            changes.slug !== current.slug &&
            (await SessionType.exists({ coach: current.coach, slug: changes.slug }).session(
              session,
            ))
          ) {
            throw slugTaken(changes.slug);
          }
          const updated = await SessionType.findByIdAndUpdate(
            id,
            { $set: changes },
            { returnDocument: 'after', runValidators: true, session },
          ).lean();
          if (!updated) throw notFound('Session type');
          await pricing.offerChanged(caller.userId, session);
          return updated;
        });
        const [dto] = await presentAll(caller.userId, [record]);
        if (!dto) throw new Error('session type vanished');
        return dto;
      } catch (error) {
        if (isDuplicateKeyError(error)) throw slugTaken(changes.slug ?? '');
        throw error;
      }
    },

    /**
     * Deletes a session type that holds no upcoming booking. One that does answers 409
     * `SESSION_TYPE_IN_USE`: deactivate it instead (`PATCH { active: false }`), so no new
     * bookings come in while the booked ones keep their session. Past bookings are unaffected
     * either way: they keep a snapshot of the type. The coach's schedule lock is taken first,
     * so a booking being created for this type at the same moment cannot slip past the check.
     * Its own rate leaves the price configuration in the same transaction.
     */
    async remove(caller: Principal, id: string): Promise<void> {
      await ownSessionType(id, caller);
      await prepareScheduleLocks([caller.userId]);
      await mongoose.connection.transaction(async (session) => {
        await lockSchedules([caller.userId], session);
        await ownSessionType(id, caller, session);
        const upcoming = await deps.hasUpcomingBookings(id, session);
        if (upcoming) {
          throw new AppError(
            409,
            'SESSION_TYPE_IN_USE',
            'This session type has upcoming bookings; deactivate it instead',
          );
        }
        await SessionType.deleteOne({ _id: id }).session(session);
        await pricing.sessionTypeRemoved(caller.userId, id, session);
      });
    },
  };
}

export type SessionTypesService = ReturnType<typeof createSessionTypesService>;
