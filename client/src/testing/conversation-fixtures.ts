import type {
  BookingProposalDTO,
  ConversationDTO,
  ConversationPage,
  MessageDTO,
} from '@coachhub/shared/conversation';

import { makeCoach } from './fixtures';

/** A's conversation with the coach Carla Jensen (coach-1); the viewer is Ada (user-1). */
export const makeConversation = (overrides: Partial<ConversationDTO> = {}): ConversationDTO => ({
  _id: 'conv-1',
  kind: 'direct',
  bookingId: null,
  participantIds: ['user-1', 'coach-1'],
  others: [{ kind: 'coach', coach: makeCoach() }],
  lastMessage: null,
  unreadCount: 0,
  reads: [],
  lastActivityAt: '2026-05-04T07:00:00.000Z',
  createdAt: '2026-05-01T10:00:00.000Z',
  ...overrides,
});

export const makeConversationPage = (
  items: ConversationDTO[],
  overrides: Partial<ConversationPage> = {},
): ConversationPage => ({
  items,
  page: 1,
  limit: 20,
  total: items.length,
  unreadTotal: items.reduce((sum, item) => sum + item.unreadCount, 0),
  ...overrides,
});

export const makeMessage = (overrides: Partial<MessageDTO> = {}): MessageDTO => ({
  _id: 'msg-1',
  conversationId: 'conv-1',
  senderId: 'coach-1',
  kind: 'text',
  body: 'Hello Ada!',
  image: null,
  proposal: null,
  replyTo: null,
  editedAt: null,
  deleted: false,
  createdAt: '2026-05-04T07:00:00.000Z',
  clientId: null,
  ...overrides,
});

export const makeProposal = (overrides: Partial<BookingProposalDTO> = {}): BookingProposalDTO => ({
  _id: 'msg-p',
  kind: 'booking',
  status: 'open',
  proposedBy: 'coach-1',
  coachId: 'coach-1',
  clientId: 'user-1',
  sessionType: { _id: 'type-1', title: 'Career deep dive', durationMinutes: 60, mode: 'video' },
  start: '2026-05-06T08:00:00.000Z',
  end: '2026-05-06T09:00:00.000Z',
  bookingId: null,
  previousStart: null,
  price: { amount: 9000, currency: 'EUR' },
  answeredBy: null,
  answeredAt: null,
  ...overrides,
});
