import type { SessionMode } from '@coachhub/shared/booking';
import type { ClientSession } from 'mongoose';
import { SessionType, type SessionTypeRecord } from './session-type.model.js';

export type { SessionTypeRecord } from './session-type.model.js';

/** A session type brought in whole (the demo data), slug and all. */
export interface ImportedSessionType {
  title: string;
  slug: string;
  durationMinutes: number;
  mode: SessionMode;
  description: string;
}

export async function hasSessionTypes(coachId: string, session: ClientSession): Promise<boolean> {
  return (await SessionType.exists({ coach: coachId }).session(session)) !== null;
}

/** Writes the coach's types as given, inside the caller's transaction; returns them stored. */
export async function importSessionTypes(
  coachId: string,
  types: readonly ImportedSessionType[],
  session: ClientSession,
): Promise<SessionTypeRecord[]> {
  const created = await SessionType.insertMany(
    types.map((type) => ({ ...type, coach: coachId, active: true })),
    { session },
  );
  return created.map((type) => type.toObject());
}

/** Every session type of the coach, active or not. */
export function sessionTypesOf(
  coachId: string,
  session: ClientSession,
): Promise<SessionTypeRecord[]> {
  return SessionType.find({ coach: coachId }).session(session).lean<SessionTypeRecord[]>().exec();
}
