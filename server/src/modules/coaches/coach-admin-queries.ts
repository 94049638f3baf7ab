import { VERIFICATION_STATUSES, type VerificationStatus } from '@coachhub/shared/coach';
import { sumOf, tally } from '../../domain/tally.js';
import { Coach } from './coach.model.js';

/* The coaches module's published reads for the admin area. */

export interface CoachFigures {
  total: number;
  byVerification: Record<VerificationStatus, number>;
}

/** Coach profiles by verification status, counted in the database. */
export async function coachFigures(): Promise<CoachFigures> {
  const groups = await Coach.aggregate<{ _id: VerificationStatus; count: number }>([
    { $group: { _id: '$verification.status', count: { $sum: 1 } } },
  ]);
  const byVerification = tally(VERIFICATION_STATUSES, groups);
  return { total: sumOf(byVerification), byVerification };
}

/** The verification status of each of these users that has a coach profile (by user id). */
export async function verificationStatusesOf(
  userIds: readonly string[],
): Promise<Map<string, VerificationStatus>> {
  if (userIds.length === 0) return new Map();
  const coaches = await Coach.find({ user: { $in: userIds } })
    .select('user verification.status')
    .lean();
  return new Map(coaches.map((coach) => [coach.user.toString(), coach.verification.status]));
}
