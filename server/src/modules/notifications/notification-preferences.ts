import {
  NOTIFICATION_TYPES,
  type NotificationPreferencesDTO,
  type NotificationType,
} from '@coachhub/shared/notification';
import { NotificationPreferences } from './notification-preferences.model.js';

async function emailOffFor(userId: string): Promise<Set<NotificationType>> {
  const stored = await NotificationPreferences.findOne({ user: userId }).lean();
  return new Set(stored?.emailOff ?? []);
}

/** Every type, e-mail on unless the user switched it off. */
export async function preferencesOf(userId: string): Promise<NotificationPreferencesDTO> {
  const off = await emailOffFor(userId);
  const email = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, !off.has(type)]));
  return { email: email as NotificationPreferencesDTO['email'] };
}

/** Replaces the e-mail choices; types left out keep sending (the default). */
export async function savePreferences(
  userId: string,
  email: Partial<Record<NotificationType, boolean>>,
): Promise<NotificationPreferencesDTO> {
  const emailOff = NOTIFICATION_TYPES.filter((type) => email[type] === false);
  await NotificationPreferences.updateOne(
    { user: userId },
    { $set: { emailOff }, $setOnInsert: { user: userId } },
    { upsert: true },
  );
  return preferencesOf(userId);
}

/** Published for the e-mail module: whether this notification type also goes out by e-mail. */
export async function wantsEmail(userId: string, type: NotificationType): Promise<boolean> {
  return !(await emailOffFor(userId)).has(type);
}
