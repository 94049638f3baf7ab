import type { TranslationKey } from '@/lib/i18n/translation-key';

export type NotificationTone = 'info' | 'success' | 'error';

export interface AppNotification {
  id: number;
  tone: NotificationTone;
  /** Stored as a key so the message follows a language switch while it is on screen. */
  messageKey: TranslationKey;
}

type Listener = () => void;

const AUTO_DISMISS_MS = 8000;

let notifications: readonly AppNotification[] = [];
let nextId = 1;
const listeners = new Set<Listener>();

const publish = (next: readonly AppNotification[]) => {
  notifications = next;
  listeners.forEach((listener) => listener());
};

export const dismissNotification = (id: number): void =>
  publish(notifications.filter((notification) => notification.id !== id));

/** Shows a short message in the page's live region. The same message is never stacked twice. */
export const notify = (tone: NotificationTone, messageKey: TranslationKey): void => {
  if (notifications.some((notification) => notification.messageKey === messageKey)) return;
  const id = nextId++;
  publish([...notifications, { id, tone, messageKey }]);
  // Errors stay until dismissed: the user may need time to read what went wrong.
  if (tone !== 'error') setTimeout(() => dismissNotification(id), AUTO_DISMISS_MS);
};

export const notificationsStore = {
  subscribe: (listener: Listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: () => notifications,
  clear: () => publish([]),
};
