import type { UserStatus } from '@coachhub/shared/roles';
import type { UserDTO } from '@coachhub/shared/user';
import mongoose from 'mongoose';
import { AppError, notFound } from '../../core/errors.js';
import type { Realtime } from '../../core/socket/realtime.js';
import { recordAudit } from '../audit/audit.service.js';
import type { SessionService } from '../auth/session.service.js';
import { syncCoachUserStatus } from '../coaches/coach-user-sync.js';
import { toUserDTO } from '../users/user.mapper.js';
import { User } from '../users/user.model.js';

export interface ModerationInput {
  actorId: string;
  targetId: string;
  reason: string;
}

export function createAdminService(deps: { sessions: SessionService; realtime: Realtime }) {
  /** Status change and audit entry commit together, or neither does. */
  async function setStatus(input: ModerationInput, from: UserStatus, to: UserStatus) {
    return mongoose.connection.transaction(async (session) => {
      const user = await User.findOneAndUpdate(
        { _id: input.targetId, status: from },
        { $set: { status: to } },
        { returnDocument: 'after', session },
      ).lean();
      if (!user) {
        const exists = await User.exists({ _id: input.targetId }).session(session);
        if (!exists) throw notFound('User');
        throw new AppError(409, 'CONFLICT', `The account is already ${to}`);
      }
      // A suspended coach leaves the directory in the same commit.
      await syncCoachUserStatus(input.targetId, to, session);
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
    /** Takes effect at once: sessions are revoked and open sockets told, then closed. */
    async suspend(input: ModerationInput): Promise<UserDTO> {
      if (input.actorId === input.targetId) {
        throw new AppError(403, 'FORBIDDEN', 'Admins cannot suspend their own account');
      }
      const user = await setStatus(input, 'active', 'suspended');
      await deps.sessions.revokeAllForUser(input.targetId, 'suspended');
      deps.realtime.emitToUser(input.targetId, 'account:suspended', { reason: input.reason });
      deps.realtime.disconnectUser(input.targetId);
      return toUserDTO(user);
    },

    async reinstate(input: ModerationInput): Promise<UserDTO> {
      return toUserDTO(await setStatus(input, 'suspended', 'active'));
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
