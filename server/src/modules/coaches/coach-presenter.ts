import type { CoachDTO } from '@coachhub/shared/coach';
import { createReadCache, type ReadCache } from '../../core/http/read-cache.js';
import type { Realtime } from '../../core/socket/realtime.js';
import { findUsersByIds } from '../users/user-accounts.js';
import { COACH_USER_FIELDS, toCoachDTO, type CoachUser } from './coach.mapper.js';
import { Coach, type CoachRecord } from './coach.model.js';

export interface CoachPresenter {
  /**
   * CoachDTOs for these coaches, in their order: one query for all their users and one presence
   * lookup, whatever the count (no N+1). A coach whose user is gone is left out.
   */
  present(coaches: readonly CoachRecord[]): Promise<CoachDTO[]>;
  /** The same for the coaches of these user ids (unknown ones left out), in no set order. */
  presentByUserIds(userIds: readonly string[]): Promise<CoachDTO[]>;
}

interface CoachesWithUsers {
  coaches: CoachRecord[];
  users: CoachUser[];
}

/**
 * `reads` keeps what `presentByUserIds` reads (the coaches and their users) between changes: a
 * coach's profile, names or picture change only through write requests and the events that
 * clear it. Presence is asked every time.
 */
export function createCoachPresenter(
  realtime: Pick<Realtime, 'onlineAmong'>,
  reads: ReadCache = createReadCache({ ttlMs: 0 }),
): CoachPresenter {
  const keptCoaches = reads.kept<CoachesWithUsers>('coaches with users');

  function toDTOs(
    coaches: readonly CoachRecord[],
    users: readonly CoachUser[],
    online: ReadonlySet<string>,
  ): CoachDTO[] {
    const usersById = new Map(users.map((user) => [user._id.toString(), user]));
    return coaches.flatMap((coach) => {
      const user = usersById.get(coach.user.toString());
      return user ? [toCoachDTO(user, coach, online.has(user._id.toString()))] : [];
    });
  }

  async function present(coaches: readonly CoachRecord[]): Promise<CoachDTO[]> {
    if (coaches.length === 0) return [];
    const userIds = coaches.map((coach) => coach.user.toString());
    const [users, online] = await Promise.all([
      findUsersByIds<CoachUser>(userIds, COACH_USER_FIELDS),
      realtime.onlineAmong(userIds),
    ]);
    return toDTOs(coaches, users, online);
  }

  async function readCoachesWithUsers(userIds: readonly string[]): Promise<CoachesWithUsers> {
    const coaches = await Coach.find({ user: { $in: userIds } }).lean<CoachRecord[]>();
    const users = await findUsersByIds<CoachUser>(
      coaches.map((coach) => coach.user.toString()),
      COACH_USER_FIELDS,
    );
    return { coaches, users };
  }

  return {
    present,
    async presentByUserIds(userIds) {
      if (userIds.length === 0) return [];
      const sorted = [...userIds].sort();
      const [{ coaches, users }, online] = await Promise.all([
        keptCoaches.read(sorted.join(' '), () => readCoachesWithUsers(sorted)),
        realtime.onlineAmong(userIds),
      ]);
      return toDTOs(coaches, users, online);
    },
  };
}
