import type { UserLifecycle } from '../users/user-lifecycle.js';
import { Coach } from './coach.model.js';

/**
 * The Coach keeps copies of a few user fields so the directory needs one query (names for
 * `$text`, status for "active users only"). They change in the same transaction as the user;
 * a user without a coach profile is a no-op.
 */
export function registerCoachUserSync(lifecycle: UserLifecycle): () => void {
  return lifecycle.onUserChanged(async ({ userId, changes, session }) => {
    const copied = {
      ...(changes.firstName !== undefined ? { firstName: changes.firstName } : {}),
      ...(changes.lastName !== undefined ? { lastName: changes.lastName } : {}),
      ...(changes.status !== undefined ? { userStatus: changes.status } : {}),
    };
    if (Object.keys(copied).length === 0) return;
    await Coach.updateOne({ user: userId }, { $set: copied }, { session });
  });
}
