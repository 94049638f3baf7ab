import type { UserStatus } from '@coachhub/shared/roles';
import type { UserDTO } from '@coachhub/shared/user';
import mongoose from 'mongoose';
import { AppError, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  changeUserStatus,
  countOtherActiveAdmins,
  holdActiveAdmin,
  userExists,
} from '../users/user-accounts.js';
import type { UserLifecycle } from '../users/user-lifecycle.js';
import { toUserDTO } from '../users/user.mapper.js';
import type { SessionService } from './session.service.js';

export interface ModerationInput {
  actorId: string;
  targetId: string;
  reason: string;
}

/**
 * Suspending and reinstating accounts. The status, the copies other modules keep (the coach
 * directory, through the user lifecycle) and the audit entry commit together; then the
 * sessions end and `user.suspended` / `user.reinstated` is published (the socket layer closes
 * the account's open sockets on it).
 */
export function createAccountStatusService(deps: {
  sessions: SessionService;
  events: EventBus;
  userLifecycle: UserLifecycle;
}) {
  async function setStatus(input: ModerationInput, from: UserStatus, to: UserStatus) {
    return mongoose.connection.transaction(async (session) => {
      if (!(await holdActiveAdmin(input.actorId, session))) {
        throw new AppError(403, 'FORBIDDEN', 'Only an active admin can do this');
      }
      const user = await changeUserStatus(input.targetId, from, to, session);
      if (!user) {
        if (!(await userExists(input.targetId, session))) throw notFound('User');
        throw new AppError(409, 'CONFLICT', `The account is already ${to}`);
      }
      if (to === 'suspended' && user.role === 'admin') {
        if ((await countOtherActiveAdmins(input.targetId, session)) === 0) {
          throw new AppError(409, 'CONFLICT', 'The last active admin cannot be suspended');
        }
      }
      // A suspended coach leaves the directory in the same commit.
      await deps.userLifecycle.userChanged({
        userId: input.targetId,
        changes: { status: to },
        session,
      });
      await recordAudit(
        {
          actorId: input.actorId,
          action: to === 'suspended' ? 'user.suspend' : 'user.reinstate',
          targetType: 'user',
          targetId: input.targetId,
          reason: input.reason,
        },
        session,
      );
      return user;
    });
  }

  return {
    /** Takes effect at once: sessions are revoked, then open sockets are told and closed. */
    async suspend(input: ModerationInput): Promise<UserDTO> {
      if (input.actorId === input.targetId) {
        throw new AppError(403, 'FORBIDDEN', 'Admins cannot suspend their own account');
      }
      const user = await setStatus(input, 'active', 'suspended');
      await deps.sessions.revokeAllForUser(input.targetId, 'suspended');
      deps.events.publish('user.suspended', {
        userId: input.targetId,
        by: input.actorId,
        reason: input.reason,
      });
      return toUserDTO(user);
    },

    async reinstate(input: ModerationInput): Promise<UserDTO> {
      const user = await setStatus(input, 'suspended', 'active');
      deps.events.publish('user.reinstated', {
        userId: input.targetId,
        by: input.actorId,
        reason: input.reason,
      });
      return toUserDTO(user);
    },
  };
}

export type AccountStatusService = ReturnType<typeof createAccountStatusService>;
