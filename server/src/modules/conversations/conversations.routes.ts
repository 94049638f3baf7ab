import { Router, type RequestHandler } from 'express';
import { validate } from '../../core/validation.js';
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
  sendMessageBody,
} from './conversations.validation.js';

interface RouterDeps {
  conversations: ConversationsService;
  authenticated: RequestHandler;
}

/** `/api/conversations`: the caller's conversations, their history, posting and reading. */
export function createConversationsRouter({ conversations, authenticated }: RouterDeps): Router {
  const controller = createConversationsController(conversations);
  const router = Router();
  router.use(authenticated);
  router.get('/', validate(listConversationsQuery()), controller.list);
  router.post('/', validate(openConversationBody()), controller.open);
  router.get('/:id', validate(conversationIdParam()), controller.get);
  router.get('/:id/messages', validate(conversationIdParam(), historyQuery()), controller.history);
  router.post('/:id/messages', validate(conversationIdParam(), sendMessageBody()), controller.send);
  router.post('/:id/read', validate(conversationIdParam()), controller.markRead);
  return router;
}

/** `/api/messages/:id`: edit (the sender) and delete (for me, or for everyone by the sender). */
export function createMessagesRouter({ conversations, authenticated }: RouterDeps): Router {
  const controller = createConversationsController(conversations);
  const router = Router();
  router.use(authenticated);
  router.patch('/:id', validate(messageIdParam(), messageBodyField()), controller.edit);
  router.delete('/:id', validate(messageIdParam(), deleteScopeQuery()), controller.remove);
  return router;
}
