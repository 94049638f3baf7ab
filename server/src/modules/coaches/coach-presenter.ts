import type { CoachDTO } from '@coachhub/shared/coach';
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

export function createCoachPresenter(realtime: Pick<Realtime, 'onlineAmong'>): CoachPresenter {
  async function present(coaches: readonly CoachRecord[]): Promise<CoachDTO[]> {
    if (coaches.length === 0) return [];
    const userIds = coaches.map((coach) => coach.user.toString());
    const [users, online] = await Promise.all([
      findUsersByIds<CoachUser>(userIds, COACH_USER_FIELDS),
      realtime.onlineAmong(userIds),
    ]);
    const usersById = new Map(users.map((user) => [user._id.toString(), user]));
    return coaches.flatMap((coach) => {
      const user = usersById.get(coach.user.toString());
      return user ? [toCoachDTO(user, coach, online.has(user._id.toString()))] : [];
    });
  }

  return {
    present,
    async presentByUserIds(userIds) {
      if (userIds.length === 0) return [];
      return present(await Coach.find({ user: { $in: userIds } }).lean());
    },
  };
}
