import type { UserDTO, UserSummaryDTO } from '@coachhub/shared/user';
import type { UserRecord } from './user.model.js';

/** The only way a user leaves the server: explicit fields, so the password hash cannot slip out. */
export function toUserDTO(user: UserRecord): UserDTO {
  return {
    _id: user._id.toString(),
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    status: user.status,
    locale: user.locale,
    timeZone: user.timeZone,
    profilePicture: user.profilePicture
      ? { url: user.profilePicture.url, publicId: user.profilePicture.publicId }
      : null,
    // Accounts stored before two-factor sign-in existed have no flag.
    twoFactorEnabled: user.twoFactorEnabled === true,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function toUserSummaryDTO(user: UserRecord): UserSummaryDTO {
  return {
    _id: user._id.toString(),
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    profilePicture: user.profilePicture
      ? { url: user.profilePicture.url, publicId: user.profilePicture.publicId }
      : null,
  };
}
