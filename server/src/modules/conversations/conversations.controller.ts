import { MESSAGE_LIMITS, type MessageDeleteScope } from '@coachhub/shared/conversation';
import type { Request, RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { pageOf } from '../../core/pagination.js';
import { validated } from '../../core/validation.js';
import { optionalUploadedBytes } from '../uploads/image-upload.middleware.js';
import type { ProposalInput } from './booking-proposals.js';
import type {
  Caller,
  ConversationsService,
  OpenConversationInput,
} from './conversations.service.js';

const callerOf = (req: Request): Caller => {
  const { userId, role } = principalOf(req);
  return { userId, role };
};

export function createConversationsController(conversations: ConversationsService) {
  const open: RequestHandler = async (req, res) => {
    const input = validated<OpenConversationInput>(req);
    const { conversation, created } = await conversations.open(callerOf(req), input);
    res.status(created ? 201 : 200).json(conversation);
  };

  const list: RequestHandler = async (req, res) => {
    res.json(await conversations.list(callerOf(req), pageOf(req)));
  };

  const get: RequestHandler = async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    res.json(await conversations.get(callerOf(req), id));
  };

  const history: RequestHandler = async (req, res) => {
    const { id, before, after, limit } = validated<{
      id: string;
      before?: string;
      after?: string;
      limit?: number;
    }>(req);
    res.json(
      await conversations.history(callerOf(req), id, {
        before,
        after,
        limit: limit ?? MESSAGE_LIMITS.pageDefault,
      }),
    );
  };

  const send: RequestHandler = async (req, res) => {
    const { id, body, replyTo } = validated<{ id: string; body?: string; replyTo?: string }>(req);
    const image = optionalUploadedBytes(req);
    res.status(201).json(
      await conversations.send(callerOf(req), {
        conversationId: id,
        body,
        replyTo,
        ...(image ? { image } : {}),
      }),
    );
  };

  const propose: RequestHandler = async (req, res) => {
    const { id, ...input } = validated<{ id: string } & ProposalInput>(req);
    res.status(201).json(await conversations.proposals.propose(callerOf(req), id, input));
  };

  const acceptProposal: RequestHandler = async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    res.json(await conversations.proposals.accept(callerOf(req), id));
  };

  const declineProposal: RequestHandler = async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    res.json(await conversations.proposals.decline(callerOf(req), id));
  };

  const markRead: RequestHandler = async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    res.json(await conversations.markRead(callerOf(req), id));
  };

  const edit: RequestHandler = async (req, res) => {
    const { id, body } = validated<{ id: string; body: string }>(req);
    res.json(await conversations.edit(callerOf(req), id, body));
  };

  const remove: RequestHandler = async (req, res) => {
    const { id, for: scope } = validated<{ id: string; for?: MessageDeleteScope }>(req);
    const tombstone = await conversations.remove(callerOf(req), id, scope ?? 'me');
    if (tombstone) res.json(tombstone);
    else res.status(204).end();
  };

  return {
    open,
    list,
    get,
    history,
    send,
    markRead,
    edit,
    remove,
    propose,
    acceptProposal,
    declineProposal,
  };
}
