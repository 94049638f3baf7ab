import type { UpdateMeRequest } from '@coachhub/shared/auth';
import type { ProfilePictureResponse, UserDTO } from '@coachhub/shared/user';
import mongoose from 'mongoose';
import { notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { ImageStorage } from '../uploads/image-storage.js';
import type { UserLifecycle } from './user-lifecycle.js';
import { toUserDTO } from './user.mapper.js';
import { User } from './user.model.js';

export function createUsersService(deps: {
  storage: ImageStorage;
  lifecycle: UserLifecycle;
  events: EventBus;
}) {
  // After the write: the cached account behind `/users/me` (principal cache) is read afresh.
  const accountChanged = (userId: string) =>
    deps.events.publish('user.account_changed', { userId });

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
          await deps.lifecycle.userChanged({
            userId,
            changes: { firstName: updated.firstName, lastName: updated.lastName },
            session,
          });
        }
        return updated;
      });
      accountChanged(userId);
      return toUserDTO(user);
    },

    /** Content-checked by the storage service; the previous picture is deleted once replaced. */
    async setProfilePicture(userId: string, bytes: Buffer): Promise<ProfilePictureResponse> {
      const profilePicture = await deps.storage.replace(
        bytes,
        'profile-pictures',
        async (image) => {
          const before = await User.findByIdAndUpdate(
            userId,
            { $set: { profilePicture: image } },
            { returnDocument: 'before' },
          ).lean();
          if (!before) throw notFound('User');
          return before.profilePicture;
        },
      );
      accountChanged(userId);
      return { profilePicture };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
