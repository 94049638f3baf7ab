import type { BookingDTO, BookingSessionTypeSummary } from './booking.js';
import type { CoachDTO } from './coach.js';
import type { Page } from './pagination.js';
import type { Money } from './pricing.js';
import type { UserSummaryDTO } from './user.js';

/**
 * `direct`: two people, at least one of them a coach. `booking`: the client and the coach of one
 * booking (created with the booking). `support`: one user and the admins (any admin reads and
 * answers it).
 */
export const CONVERSATION_KINDS = ['direct', 'booking', 'support'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const MESSAGE_LIMITS = {
  /** Characters of a message body after trimming. */
  bodyMax: 4000,
  /** Characters of a preview (conversation list, reply quote, notification). */
  previewMax: 140,
  /** Messages per history page by default and at most. */
  pageDefault: 50,
  pageMax: 100,
  /** A sender may delete a message for everyone this long after sending it. */
  deleteForEveryoneMinutes: 15,
  /** Messages a user may send in `sendWindowSeconds` (socket and HTTP together). */
  sendBurst: 20,
  sendWindowSeconds: 10,
  /** At most one `typing` per user and conversation this often; the rest are dropped. */
  typingIntervalSeconds: 2,
} as const;

/** Someone else in a conversation: coaches as the one CoachDTO, everyone else as a summary. */
export type ConversationParticipantDTO =
  { kind: 'coach'; coach: CoachDTO } | { kind: 'user'; user: UserSummaryDTO };

/** A short view of a message (the list's last message, the quote of a reply). */
export interface MessagePreviewDTO {
  _id: string;
  senderId: string;
  /** Up to `MESSAGE_LIMITS.previewMax` characters; null once deleted for everyone. */
  preview: string | null;
  deleted: boolean;
  createdAt: string;
}

/** Up to when a participant has read the conversation (messages created at or before). */
export interface ReadReceiptDTO {
  userId: string;
  readAt: string;
}

export interface ConversationDTO {
  _id: string;
  kind: ConversationKind;
  bookingId: string | null;
  /** The people in it (for `support`, the one user; admins take part through their role). */
  participantIds: string[];
  /** The participants other than the caller, for display. */
  others: ConversationParticipantDTO[];
  /** The newest message the caller can see, or null. */
  lastMessage: MessagePreviewDTO | null;
  /** Messages of others the caller has not read (not deleted, not hidden for the caller). */
  unreadCount: number;
  reads: ReadReceiptDTO[];
  /** The newest message's time, or the creation time: the list's order. */
  lastActivityAt: string;
  createdAt: string;
}

/** `GET /api/conversations`: by last activity, newest first, plus the caller's unread total. */
export interface ConversationPage extends Page<ConversationDTO> {
  unreadTotal: number;
}

/** `POST /api/conversations`: 201 when created, 200 when it existed. Exactly one of the three. */
export type CreateConversationRequest =
  { participantId: string } | { bookingId: string } | { support: true };

/** `text`: a message someone wrote (maybe with an image). `proposal`: a booking proposal card. */
export const MESSAGE_KINDS = ['text', 'proposal'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A picture sent in a message (through the storage service). */
export interface MessageImageDTO {
  url: string;
}

/** Chat images: what `POST /api/conversations/:id/messages` accepts as the multipart `file`. */
export const MESSAGE_IMAGE_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  types: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
} as const;

/**
 * `booking`: a new session (session type + start). `reschedule`: a new start for an existing
 * booking of the two participants.
 */
export const PROPOSAL_KINDS = ['booking', 'reschedule'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/**
 * `open` until the other side answers. `accepted`: the booking was made (or moved) through the
 * booking service. `declined` by the other side, `withdrawn` by the proposer (both through
 * `POST /api/proposals/:id/decline`). `expired`: still open when its start passed.
 */
export const PROPOSAL_STATUSES = ['open', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** The card a proposal message carries; its id is the message's id. */
export interface BookingProposalDTO {
  _id: string;
  kind: ProposalKind;
  status: ProposalStatus;
  proposedBy: string;
  coachId: string;
  clientId: string;
  sessionType: BookingSessionTypeSummary;
  /** ISO-8601 UTC instants of the proposed time. */
  start: string;
  end: string;
  /** `reschedule`: the booking to move (and its current start). `booking`: the booking made once accepted. */
  bookingId: string | null;
  previousStart: string | null;
  /** `booking`: the price quoted when proposed (the booking is priced again when accepted). */
  price: Money | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

/** `POST /api/conversations/:id/proposals`: a new session, or a new time for a booking. */
export type CreateProposalRequest =
  { sessionTypeId: string; start: string } | { bookingId: string; start: string };

export interface MessageDTO {
  _id: string;
  conversationId: string;
  senderId: string;
  /** `text` when left out by older servers. */
  kind: MessageKind;
  /** Null once deleted for everyone (the message stays as a tombstone), and for proposals. */
  body: string | null;
  /** The picture sent with the message, if any (null once deleted for everyone). */
  image: MessageImageDTO | null;
  /** Set for `kind: 'proposal'`; its status changes arrive as `message:updated`. */
  proposal: BookingProposalDTO | null;
  replyTo: MessagePreviewDTO | null;
  editedAt: string | null;
  deleted: boolean;
  /**
   * True when an admin removed the message after a report (then also `deleted`); left out
   * otherwise. Admins looking at a report still see its text.
   */
  moderated?: boolean;
  createdAt: string;
  /** The sender's own id for an optimistic message (`message:send`), echoed back; else null. */
  clientId: string | null;
}

/**
 * `GET /api/conversations/:id/messages?before=<messageId>&limit=`: the page before the cursor
 * (the newest page without one), oldest first; `hasMore` says whether older messages exist.
 */
export interface MessageHistory {
  items: MessageDTO[];
  hasMore: boolean;
}

/**
 * `POST /api/conversations/:id/messages`: JSON, or multipart/form-data with a picture in the
 * field `file` (then `body` may be left out or empty).
 */
export interface SendMessageRequest {
  body: string;
  replyTo?: string;
}

/** `POST /api/proposals/:id/accept`: the booking made or moved. */
export interface ProposalAcceptResponse {
  booking: BookingDTO;
  message: MessageDTO;
}

/** `PATCH /api/messages/:id` (the sender only) */
export interface EditMessageRequest {
  body: string;
}

/** `DELETE /api/messages/:id?for=me|everyone` (`me` when left out). */
export const MESSAGE_DELETE_SCOPES = ['me', 'everyone'] as const;
export type MessageDeleteScope = (typeof MESSAGE_DELETE_SCOPES)[number];

/** `POST /api/conversations/:id/read` and the `message:read` ack. */
export interface UnreadCounts {
  conversationId: string;
  readAt: string | null;
  unreadCount: number;
  unreadTotal: number;
}

/* Socket payloads (event names in socket-events.ts). */

/** Client -> server `conversation:join`, `message:read`, `typing`. */
export interface ConversationRef {
  conversationId: string;
}

/** Client -> server `message:send`; the ack carries the stored MessageDTO. */
export interface MessageSendPayload {
  conversationId: string;
  body: string;
  replyTo?: string;
  /** The client's id for its optimistic copy (1-100 characters), echoed in the stored message. */
  clientId?: string;
}

/** Server -> client `message:new` and `message:updated` (edited, or deleted for everyone). */
export interface MessageEvent {
  message: MessageDTO;
}

/** Server -> client `message:read`. */
export interface MessageReadEvent {
  conversationId: string;
  userId: string;
  readAt: string;
}

/** Server -> client `typing` (not stored). */
export interface TypingEvent {
  conversationId: string;
  userId: string;
}
