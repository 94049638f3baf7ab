import type { BecomeCoachRequest } from '@coachhub/shared/coach';
import mongoose from 'mongoose';
import { isDuplicateKeyError } from '../../core/db/duplicate-key.js';
import { AppError, notFound } from '../../core/errors.js';
import { findUserById, setUserRole } from '../users/user-accounts.js';
import type { UserRecord } from '../users/user.types.js';
import type { CoachLifecycle } from './coach-lifecycle.js';
import { Coach, type CoachRecord } from './coach.model.js';

const alreadyCoach = () =>
  new AppError(409, 'CONFLICT', 'This account already has a coach profile');

/**
 * Creates the Coach (pending verification), makes the user a coach and runs the coach-created
 * listeners, all in one transaction: either everything exists afterwards or nothing changed.
 * Used by `become-coach` and the demo seed.
 */
export async function createCoach(
  userId: string,
  profile: BecomeCoachRequest,
  lifecycle: CoachLifecycle,
): Promise<{ user: UserRecord; coach: CoachRecord }> {
  return mongoose.connection.transaction(async (session) => {
    const user = await findUserById(userId, session);
    if (!user) throw notFound('User');
    if (user.role === 'admin') {
      throw new AppError(403, 'FORBIDDEN', 'Admin accounts cannot become coaches');
    }
    if (await Coach.exists({ user: user._id }).session(session)) throw alreadyCoach();
    let coach: CoachRecord;
    try {
      const [created] = await Coach.create(
        [
          {
            user: user._id,
            firstName: user.firstName,
            lastName: user.lastName,
            userStatus: user.status,
            headline: profile.headline ?? '',
            specialties: profile.specialties ?? [],
            languages: profile.languages ?? [],
            timeZone: profile.timeZone ?? user.timeZone,
          },
        ],
        { session },
      );
      if (!created) throw new Error('Coach.create returned nothing');
      coach = created.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw alreadyCoach();
      throw error;
    }
    const promoted = await setUserRole(userId, 'coach', session);
    if (!promoted) throw notFound('User');
    await lifecycle.coachCreated({ userId, coach, session });
    return { user: promoted, coach };
  });
}
