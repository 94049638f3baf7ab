import type { Locale } from './locales.js';
import type { UserDTO } from './user.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export interface RegisterRequest {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  locale?: Locale;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** Answer of register and login; the refresh token travels only as an httpOnly cookie. */
export interface AuthResponse {
  user: UserDTO;
  accessToken: string;
}

export interface RefreshResponse {
  accessToken: string;
}

export interface UpdateMeRequest {
  firstName?: string;
  lastName?: string;
  locale?: Locale;
  timeZone?: string;
}

/** `POST /api/users/me/password`: revokes every session, then starts a fresh one for this client. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface ModerationRequest {
  reason: string;
}
