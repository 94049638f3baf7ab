import type { UserStatus } from '@coachhub/shared/roles';
import type { ClientSession, Types } from 'mongoose';
import { Coach } from './coach.model.js';

/**
 * The Coach keeps copies of a few user fields so the directory needs one query (names for
 * `$text`, status for "active users only"). Whoever changes those user fields calls these,
 * in the same transaction. A user without a coach profile is a no-op.
 */
export async function syncCoachNames(
  user: { _id: Types.ObjectId; firstName: string; lastName: string },
  session: ClientSession,
): Promise<void> {
  await Coach.updateOne(
    { user: user._id },
    { $set: { firstName: user.firstName, lastName: user.lastName } },
    { session },
  );
}

export async function syncCoachUserStatus(
  userId: string,
  status: UserStatus,
  session: ClientSession,
): Promise<void> {
  await Coach.updateOne({ user: userId }, { $set: { userStatus: status } }, { session });
}
