import type { TranslationKey } from '@/lib/i18n/translation-key';

export type NotificationTone = 'info' | 'success' | 'error';

export interface AppNotification {
  id: number;
  tone: NotificationTone;
  /** Stored as a key so the message follows a language switch while it is on screen. */
  messageKey: TranslationKey;
  /** Values the message is filled with, already formatted for display. */
  params?: Readonly<Record<string, string>>;
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

const sameParams = (a?: AppNotification['params'], b?: AppNotification['params']) =>
  JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** Shows a short message in the page's live region. The same message is never stacked twice. */
export const notify = (
  tone: NotificationTone,
  messageKey: TranslationKey,
  params?: AppNotification['params'],
): void => {
  const shown = (notification: AppNotification) =>
    notification.messageKey === messageKey && sameParams(notification.params, params);
  if (notifications.some(shown)) return;
  const id = nextId++;
  publish([...notifications, { id, tone, messageKey, ...(params ? { params } : {}) }]);
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
