import type { Locale } from './locales.js';
import type { UserDTO } from './user.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/**
 * bcrypt reads only the first 72 bytes of a password: longer ones are refused rather than cut
 * silently. Counted in UTF-8 bytes (a letter 1, an accented letter 2, an emoji 4).
 */
export const PASSWORD_MAX_BYTES = 72;

/** UTF-8 bytes, as bcrypt counts them (a lone surrogate is encoded as U+FFFD, 3 bytes). */
export function passwordByteLength(password: string): number {
  let bytes = 0;
  for (const character of password) {
    const code = character.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export interface RegisterRequest {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  locale?: Locale;
  /** The browser's IANA zone (e.g. `Europe/Berlin`); the account starts in UTC without it. */
  timeZone?: string;
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
