import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, SUPPORTED_LOCALES } from '@coachhub/shared/locales';
import { ROLES, USER_STATUSES } from '@coachhub/shared/roles';
import { model, Schema, type HydratedDocument } from 'mongoose';
import { isIanaTimeZone } from '../../domain/time-zone.js';
import { storedImageSchema } from '../uploads/stored-image.schema.js';
import type { UserFields } from './user.types.js';

export type { UserFields, UserRecord } from './user.types.js';

export type UserDocument = HydratedDocument<UserFields>;

const userSchema = new Schema<UserFields>(
  {
    email: {
      type: String,
      required: true,
      unique: true,
      lowercase: true,
      trim: true,
      maxlength: 254,
    },
    firstName: { type: String, required: true, trim: true, maxlength: 100 },
    lastName: { type: String, required: true, trim: true, maxlength: 100 },
    role: { type: String, enum: ROLES, required: true, default: 'client' },
    status: { type: String, enum: USER_STATUSES, required: true, default: 'active' },
    locale: { type: String, enum: SUPPORTED_LOCALES, required: true, default: DEFAULT_LOCALE },
    timeZone: {
      type: String,
      required: true,
      default: DEFAULT_TIME_ZONE,
      validate: { validator: isIanaTimeZone, message: 'Not an IANA time zone' },
    },
    profilePicture: { type: storedImageSchema, default: null },
    passwordHash: { type: String, required: true, select: false },
    // Set by auth, which keeps the TOTP secret and recovery codes in its own collection.
    twoFactorEnabled: { type: Boolean, default: false },
  },
  { timestamps: true },
);

export const User = model<UserFields>('User', userSchema);
