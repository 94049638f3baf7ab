import { Router, type RequestHandler } from 'express';
import { MESSAGE_LIMITS } from '@coachhub/shared/conversation';
import { validate } from '../../core/validation.js';
import { optionalImageUpload } from '../uploads/image-upload.middleware.js';
import { createConversationsController } from './conversations.controller.js';
import type { ConversationsService } from './conversations.service.js';
import {
  conversationIdParam,
  deleteScopeQuery,
  historyQuery,
  listConversationsQuery,
  messageBodyField,
  messageIdParam,
  openConversationBody,
  proposalBody,
  proposalIdParam,
  sendMessageForm,
} from './conversations.validation.js';

interface RouterDeps {
  conversations: ConversationsService;
  authenticated: RequestHandler;
  /** Largest chat picture accepted (413 above). */
  uploadMaxBytes: number;
}

// A multipart text field holds at most a message body in UTF-8 (4 bytes a character).
const MAX_FIELD_BYTES = MESSAGE_LIMITS.bodyMax * 4;

/** `/api/conversations`: the caller's conversations, their history, posting and reading. */
export function createConversationsRouter({
  conversations,
  authenticated,
  uploadMaxBytes,
}: RouterDeps): Router {
  const controller = createConversationsController(conversations);
  const router = Router();
  router.use(authenticated);
  router.get('/', validate(listConversationsQuery()), controller.list);
  router.post('/', validate(openConversationBody()), controller.open);
  router.get('/:id', validate(conversationIdParam()), controller.get);
  router.get('/:id/messages', validate(conversationIdParam(), historyQuery()), controller.history);
  router.post(
    '/:id/messages',
    optionalImageUpload(uploadMaxBytes, MAX_FIELD_BYTES),
    validate(conversationIdParam(), sendMessageForm()),
    controller.send,
  );
  router.post('/:id/read', validate(conversationIdParam()), controller.markRead);
  router.post(
    '/:id/proposals',
    validate(conversationIdParam(), proposalBody()),
    controller.propose,
  );
  return router;
}

/** `/api/proposals/:id/accept|decline`: the answers to a booking proposal (its message id). */
export function createProposalsRouter({
  conversations,
  authenticated,
}: Omit<RouterDeps, 'uploadMaxBytes'>): Router {
  const controller = createConversationsController(conversations);
  const router = Router();
  router.use(authenticated);
  router.post('/:id/accept', validate(proposalIdParam()), controller.acceptProposal);
  router.post('/:id/decline', validate(proposalIdParam()), controller.declineProposal);
  return router;
}

/** `/api/messages/:id`: edit (the sender) and delete (for me, or for everyone by the sender). */
export function createMessagesRouter({
  conversations,
  authenticated,
}: Omit<RouterDeps, 'uploadMaxBytes'>): Router {
  const controller = createConversationsController(conversations);
  const router = Router();
  router.use(authenticated);
  router.patch('/:id', validate(messageIdParam(), messageBodyField()), controller.edit);
  router.delete('/:id', validate(messageIdParam(), deleteScopeQuery()), controller.remove);
  return router;
}
