import type { Locale } from './locales.js';
import type { Role, UserStatus } from './roles.js';

export interface StoredImage {
  url: string;
  publicId: string;
}

/** What the API shows a user about their own account. Never holds the password hash or tokens. */
export interface UserDTO {
  _id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  status: UserStatus;
  locale: Locale;
  timeZone: string;
  profilePicture: StoredImage | null;
  /** Whether signing in asks for a TOTP code (or a recovery code) after the password. */
  twoFactorEnabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What other people may see of a user (bookings, chat, admin lists show more through their own DTOs). */
export interface UserSummaryDTO {
  _id: string;
  firstName: string;
  lastName: string;
  role: Role;
  profilePicture: StoredImage | null;
}

/** `POST /api/users/me/profile-picture` (multipart field `file`: JPEG, PNG or WebP). */
export interface ProfilePictureResponse {
  profilePicture: StoredImage;
}
