import type { BookingEvent } from './booking.js';
import type { CoachUpdatedEvent } from './coach.js';
import type { ErrorCode } from './errors.js';
import type { NotificationEvent } from './notification.js';

/** Every client -> server event is acknowledged with this. */
export type Ack<T = undefined> =
  | (T extends undefined ? { ok: true } : { ok: true; data: T })
  | { ok: false; error: { code: ErrorCode; message: string } };

export interface PresenceUpdate {
  userId: string;
  online: boolean;
}

export interface AccountSuspended {
  reason: string;
}

/** Events the server sends. Later features add theirs here, `domain:verb` named. */
export interface ServerToClientEvents {
  'presence:update': (payload: PresenceUpdate) => void;
  'account:suspended': (payload: AccountSuspended) => void;
  'coach:updated': (payload: CoachUpdatedEvent) => void;
  'booking:created': (payload: BookingEvent) => void;
  'booking:updated': (payload: BookingEvent) => void;
  'notification:new': (payload: NotificationEvent) => void;
}

export interface PresenceQuery {
  userIds: string[];
}

/** Events the client sends; each takes an ack callback. */
export interface ClientToServerEvents {
  'presence:query': (payload: PresenceQuery, ack: (answer: Ack<PresenceUpdate[]>) => void) => void;
}

export type InterServerEvents = Record<string, never>;

/** What the server keeps on each authenticated socket. */
export interface SocketData {
  userId: string;
  role: string;
}

/** Room names are built here and nowhere else. */
export const userRoom = (userId: string): string => `user:${userId}`;

/** Codes a refused handshake carries in `err.data.code` (`connect_error`). */
export const SOCKET_AUTH_ERRORS = [
  'UNAUTHENTICATED',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'ACCOUNT_SUSPENDED',
] as const;
