import { NOTIFICATION_TYPES, type NotificationType } from '@coachhub/shared/notification';
import { model, Schema, type Types } from 'mongoose';

export interface NotificationPreferencesFields {
  user: Types.ObjectId;
  /** Types whose e-mail the user switched off; every other type sends one. */
  emailOff: NotificationType[];
}

const preferencesSchema = new Schema<NotificationPreferencesFields>(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true, unique: true },
    emailOff: { type: [{ type: String, enum: NOTIFICATION_TYPES }], default: [] },
  },
  { timestamps: true },
);

export const NotificationPreferences = model<NotificationPreferencesFields>(
  'NotificationPreferences',
  preferencesSchema,
);
