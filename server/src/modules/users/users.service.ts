import type { UpdateMeRequest } from '@coachhub/shared/auth';
import type { ProfilePictureResponse, UserDTO } from '@coachhub/shared/user';
import mongoose from 'mongoose';
import { AppError, notFound } from '../../core/errors.js';
import { hashPassword, verifyPassword } from '../auth/password-hasher.js';
import { assertAcceptablePassword } from '../auth/password-rules.js';
import type { IssuedTokens, SessionService } from '../auth/session.service.js';
import { syncCoachNames } from '../coaches/coach-user-sync.js';
import type { ImageStorage } from '../uploads/image-storage.js';
import { toUserDTO } from './user.mapper.js';
import { User } from './user.model.js';

export function createUsersService(sessions: SessionService, storage: ImageStorage) {
  return {
    async getMe(userId: string): Promise<UserDTO> {
      const user = await User.findById(userId).lean();
      if (!user) throw notFound('User');
      return toUserDTO(user);
    },

    /** Only names, locale and time zone; email, role and status are not the user's to change here. */
    async updateMe(userId: string, changes: UpdateMeRequest): Promise<UserDTO> {
      const user = await mongoose.connection.transaction(async (session) => {
        const updated = await User.findByIdAndUpdate(
          userId,
          { $set: changes },
          { returnDocument: 'after', runValidators: true, session },
        ).lean();
        if (!updated) throw notFound('User');
        // A coach's directory entry carries the names too; they change together.
        if (changes.firstName !== undefined || changes.lastName !== undefined) {
          await syncCoachNames(updated, session);
        }
        return updated;
      });
      return toUserDTO(user);
    },

    /** Content-checked by the storage service; the previous picture is deleted once replaced. */
    async setProfilePicture(userId: string, bytes: Buffer): Promise<ProfilePictureResponse> {
      const profilePicture = await storage.replace(bytes, 'profile-pictures', async (image) => {
        const before = await User.findByIdAndUpdate(
          userId,
          { $set: { profilePicture: image } },
          { returnDocument: 'before' },
        ).lean();
        if (!before) throw notFound('User');
        return before.profilePicture;
      });
      return { profilePicture };
    },

    /** Ends every session of the account (other devices included), then opens one for this client. */
    async changePassword(
      userId: string,
      currentPassword: string,
      newPassword: string,
      userAgent?: string,
    ): Promise<IssuedTokens> {
      const user = await User.findById(userId).select('+passwordHash');
      if (!user) throw notFound('User');
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        throw new AppError(400, 'WRONG_PASSWORD', 'The current password is not correct', [
          { field: 'currentPassword', location: 'body', message: 'Not correct' },
        ]);
      }
      assertAcceptablePassword(newPassword, user.email, 'newPassword');
      user.passwordHash = await hashPassword(newPassword);
      await user.save();
      await sessions.revokeAllForUser(userId, 'password_change');
      return sessions.start(user, userAgent);
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
