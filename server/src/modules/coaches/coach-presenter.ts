import type { CoachDTO } from '@coachhub/shared/coach';
import type { Realtime } from '../../core/socket/realtime.js';
import { User } from '../users/user.model.js';
import { COACH_USER_FIELDS, toCoachDTO, type CoachUser } from './coach.mapper.js';
import type { CoachRecord } from './coach.model.js';

export interface CoachPresenter {
  /**
   * CoachDTOs for these coaches, in their order: one query for all their users and one presence
   * lookup, whatever the count (no N+1). A coach whose user is gone is left out.
   */
  present(coaches: readonly CoachRecord[]): Promise<CoachDTO[]>;
}

export function createCoachPresenter(realtime: Pick<Realtime, 'onlineAmong'>): CoachPresenter {
  return {
    async present(coaches) {
      if (coaches.length === 0) return [];
      const userIds = coaches.map((coach) => coach.user.toString());
      const [users, online] = await Promise.all([
        User.find({ _id: { $in: userIds } })
          .select(COACH_USER_FIELDS)
          .lean<CoachUser[]>(),
        realtime.onlineAmong(userIds),
      ]);
      const usersById = new Map(users.map((user) => [user._id.toString(), user]));
      return coaches.flatMap((coach) => {
        const user = usersById.get(coach.user.toString());
        return user ? [toCoachDTO(user, coach, online.has(user._id.toString()))] : [];
      });
    },
  };
}
