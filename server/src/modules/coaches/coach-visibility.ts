import type { Actor } from '../../core/auth/principal.js';
import { notFound } from '../../core/errors.js';
import { Coach, type CoachRecord } from './coach.model.js';

/** What visibility depends on, plus the zone scheduling reads. */
export type CoachVisibility = Pick<
  CoachRecord,
  '_id' | 'user' | 'verification' | 'userStatus' | 'timeZone'
>;
const VISIBILITY_FIELDS = 'user verification.status userStatus timeZone';

/** Public: approved coaches of active accounts. Their owner and admins see any state. */
export function isCoachVisibleTo(
  coach: Pick<CoachRecord, 'user' | 'verification' | 'userStatus'>,
  viewer: Actor | undefined,
): boolean {
  if (coach.verification.status === 'approved' && coach.userStatus === 'active') return true;
  return (
    viewer !== undefined && (viewer.role === 'admin' || viewer.userId === coach.user.toString())
  );
}

/**
 * The coach of this user id as the viewer may see it, else 404: a hidden profile (pending,
 * rejected, suspended) is not confirmed to exist. Features hanging off a coach (session types,
 * availability, slots, prices) use the same rule as the profile.
 */
export async function findVisibleCoach(
  userId: string,
  viewer: Actor | undefined,
): Promise<CoachRecord> {
  const coach = await Coach.findOne({ user: userId }).lean();
  if (!coach || !isCoachVisibleTo(coach, viewer)) throw notFound('Coach');
  return coach;
}

/**
 * The same check reading only what it needs (and the coach's zone): for the scheduling routes,
 * which answer for a coach without showing the profile.
 */
export async function findVisibleCoachSummary(
  userId: string,
  viewer: Actor | undefined,
): Promise<CoachVisibility> {
  return visibleOr404(await findCoachVisibility(userId), viewer);
}

/** What visibility depends on (and the coach's zone), whoever asks; null for no coach. */
export function findCoachVisibility(userId: string): Promise<CoachVisibility | null> {
  return Coach.findOne({ user: userId }).select(VISIBILITY_FIELDS).lean<CoachVisibility>().exec();
}

/** The coach read by {@link findCoachVisibility} if the viewer may see it, else 404. */
export function visibleOr404(
  coach: CoachVisibility | null,
  viewer: Actor | undefined,
): CoachVisibility {
  if (!coach || !isCoachVisibleTo(coach, viewer)) throw notFound('Coach');
  return coach;
}

/** True when the caller is this coach. */
export const isOwnCoach = (coachUserId: string, viewer: Actor | undefined): boolean =>
  viewer !== undefined && viewer.userId === coachUserId;
