import { NOTIFICATION_TYPES, type NotificationType } from '@coachhub/shared/notification';
import { model, Schema, type Types } from 'mongoose';

export interface NotificationFields {
  /** The recipient's user id. */
  user: Types.ObjectId;
  type: NotificationType;
  /** Values for the client's text, e.g. the other person's name and the session's start. */
  params: Record<string, string | number>;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export type NotificationRecord = NotificationFields & { _id: Types.ObjectId };

const notificationSchema = new Schema<NotificationFields>(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    type: { type: String, enum: NOTIFICATION_TYPES, required: true, immutable: true },
    params: { type: Schema.Types.Mixed, required: true, default: {} },
    link: { type: String, default: null },
    readAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false },
);

// The list, newest first, and the unread count, both per recipient.
notificationSchema.index({ user: 1, createdAt: -1, _id: -1 });
notificationSchema.index({ user: 1, readAt: 1 });

export const Notification = model<NotificationFields>('Notification', notificationSchema);
