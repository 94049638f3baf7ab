import type { BookingEvent } from './booking.js';
import type { CoachUpdatedEvent, CoachVerificationEvent } from './coach.js';
import type {
  ConversationRef,
  MessageDTO,
  MessageEvent,
  MessageReadEvent,
  MessageSendPayload,
  TypingEvent,
  UnreadCounts,
} from './conversation.js';
import type { ErrorCode } from './errors.js';
import type { NotificationEvent } from './notification.js';
import type { ReportCreatedEvent } from './report.js';

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

/**
 * Why the server closes a socket's session: its access token `expired` (reconnect with a fresh
 * one), or the session was ended (`logout`, `password_change`, `revoked` from another device,
 * `reuse` of an old refresh token). Suspension has its own `account:suspended`.
 */
export const SESSION_END_REASONS = [
  'expired',
  'logout',
  'password_change',
  'revoked',
  'reuse',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface SessionEnded {
  reason: SessionEndReason;
}

/** Events the server sends. Later features add theirs here, `domain:verb` named. */
export interface ServerToClientEvents {
  /** A user this socket asked about (`presence:query`) came online or went offline. */
  'presence:update': (payload: PresenceUpdate) => void;
  'account:suspended': (payload: AccountSuspended) => void;
  /** Sent just before the server closes the socket: refresh the token (or sign out) and reconnect. */
  'session:ended': (payload: SessionEnded) => void;
  'coach:updated': (payload: CoachUpdatedEvent) => void;
  /** To `adminsRoom()`: the verification queue gained or lost this coach. */
  'coach:verification_changed': (payload: CoachVerificationEvent) => void;
  /** To `adminsRoom()`: a new report entered the moderation queue. */
  'report:created': (payload: ReportCreatedEvent) => void;
  'booking:created': (payload: BookingEvent) => void;
  'booking:updated': (payload: BookingEvent) => void;
  'notification:new': (payload: NotificationEvent) => void;
  'message:new': (payload: MessageEvent) => void;
  'message:updated': (payload: MessageEvent) => void;
  'message:read': (payload: MessageReadEvent) => void;
  typing: (payload: TypingEvent) => void;
}

/**
 * Answers who of `userIds` is online now, and subscribes the asking socket to their
 * `presence:update` (until it disconnects; a socket follows at most the 200 users it asked about
 * last).
 */
export interface PresenceQuery {
  userIds: string[];
}

/** Events the client sends; each takes an ack callback. */
export interface ClientToServerEvents {
  'presence:query': (payload: PresenceQuery, ack: (answer: Ack<PresenceUpdate[]>) => void) => void;
  /** Joins `conversationRoom(id)` after the membership check. */
  'conversation:join': (
    payload: ConversationRef,
    ack: (answer: Ack<ConversationRef>) => void,
  ) => void;
  /** Stores the message, then answers the stored message. */
  'message:send': (payload: MessageSendPayload, ack: (answer: Ack<MessageDTO>) => void) => void;
  /** Marks the conversation read up to its newest message. */
  'message:read': (payload: ConversationRef, ack: (answer: Ack<UnreadCounts>) => void) => void;
  /** Relayed to the others in the conversation at most every 2 s; `relayed: false` when dropped. */
  typing: (payload: ConversationRef, ack: (answer: Ack<{ relayed: boolean }>) => void) => void;
}

export type InterServerEvents = Record<string, never>;

/** What the server keeps on each authenticated socket. */
export interface SocketData {
  userId: string;
  role: string;
  /** The refresh-token family the socket's access token belongs to. */
  sessionId: string;
}

/** Room names are built here and nowhere else. */
export const userRoom = (userId: string): string => `user:${userId}`;

/**
 * The sockets that asked about this user's presence (`presence:query`): they, and only they, hear
 * the user's `presence:update`.
 */
export const presenceRoom = (userId: string): string => `presence:${userId}`;

/** Every admin's sockets, joined at connection by sockets whose account is an admin. */
export const adminsRoom = (): string => 'admins';

/** Every socket opened with a token of this session (refresh-token family). */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

/** The sockets that opened a conversation (`conversation:join`). */
export const conversationRoom = (conversationId: string): string =>
  `conversation:${conversationId}`;

/** Codes a refused handshake carries in `err.data.code` (`connect_error`). */
export const SOCKET_AUTH_ERRORS = [
  'UNAUTHENTICATED',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'ACCOUNT_SUSPENDED',
] as const;
