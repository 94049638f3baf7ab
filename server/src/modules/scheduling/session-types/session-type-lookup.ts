import type { ClientSession, Types } from 'mongoose';
import { SessionType, type SessionTypeRecord } from './session-type.model.js';

/** What bookings copy from a session type when it is booked. */
export type BookableSessionType = Pick<
  SessionTypeRecord,
  '_id' | 'title' | 'durationMinutes' | 'mode'
>;

/** What prices and slots need of a coach's offer. */
export interface OfferedSessionType {
  _id: Types.ObjectId;
  title: string;
  durationMinutes: number;
  active: boolean;
}

/**
 * The session types module's published reads for the modules above it (slots, pricing,
 * bookings). An active type of this coach, or null.
 */
export function findBookableSessionType(
  coachId: string,
  sessionTypeId: string,
  session?: ClientSession,
): Promise<BookableSessionType | null> {
  return SessionType.findOne({ _id: sessionTypeId, coach: coachId, active: true })
    .select('title durationMinutes mode')
    .session(session ?? null)
    .lean<BookableSessionType>()
    .exec();
}

/** The coach's active session types (for `priceFrom`). */
export function activeSessionTypesOf(
  coachId: string,
  session?: ClientSession,
): Promise<OfferedSessionType[]> {
  return SessionType.find({ coach: coachId, active: true })
    .select('durationMinutes title active')
    .session(session ?? null)
    .lean<OfferedSessionType[]>()
    .exec();
}

/**
 * One of the coach's session types by id, or null: only active ones unless `includeInactive`
 * (the coach previewing their own).
 */
export function findSessionTypeOf(
  coachId: string,
  sessionTypeId: string,
  options: { includeInactive?: boolean } = {},
): Promise<Pick<SessionTypeRecord, '_id' | 'durationMinutes'> | null> {
  return SessionType.findOne({
    _id: sessionTypeId,
    coach: coachId,
    ...(options.includeInactive ? {} : { active: true }),
  })
    .select('durationMinutes')
    .lean<Pick<SessionTypeRecord, '_id' | 'durationMinutes'>>()
    .exec();
}

/** Every session type of the coach (active or not) with its length: what slots are offered for. */
export function sessionTypeLengthsOf(
  coachId: string,
): Promise<Pick<SessionTypeRecord, '_id' | 'durationMinutes' | 'active'>[]> {
  return SessionType.find({ coach: coachId })
    .select('durationMinutes active')
    .lean<Pick<SessionTypeRecord, '_id' | 'durationMinutes' | 'active'>[]>()
    .exec();
}

/** The coach's shortest active session type, or null when they offer none. */
export function shortestActiveSessionType(
  coachId: string,
): Promise<Pick<SessionTypeRecord, '_id' | 'durationMinutes'> | null> {
  return SessionType.findOne({ coach: coachId, active: true })
    .sort({ durationMinutes: 1 })
    .select('durationMinutes')
    .lean<Pick<SessionTypeRecord, '_id' | 'durationMinutes'>>()
    .exec();
}

/** Which of these ids name session types of this coach (active or not). */
export async function ownSessionTypeIds(
  coachId: string,
  ids: readonly string[],
  session?: ClientSession,
): Promise<Set<string>> {
  const own = await SessionType.find({ coach: coachId, _id: { $in: ids } })
    .select('_id')
    .session(session ?? null)
    .lean();
  return new Set(own.map((type) => type._id.toString()));
}
