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
