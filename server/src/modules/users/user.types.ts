import type { Locale } from '@coachhub/shared/locales';
import type { Role, UserStatus } from '@coachhub/shared/roles';
import type { StoredImage } from '@coachhub/shared/user';
import type { Types } from 'mongoose';

export interface UserFields {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  status: UserStatus;
  locale: Locale;
  timeZone: string;
  profilePicture: StoredImage | null;
  /** Never selected unless asked for with `.select('+passwordHash')`. */
  passwordHash: string;
  /** Absent on accounts stored before two-factor sign-in existed (read it as false). */
  twoFactorEnabled?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type UserRecord = UserFields & { _id: Types.ObjectId };
