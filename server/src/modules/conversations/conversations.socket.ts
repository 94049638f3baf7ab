import type { ConversationRef, MessageSendPayload } from '@coachhub/shared/conversation';
import type { ErrorCode } from '@coachhub/shared/errors';
import type { Role } from '@coachhub/shared/roles';
import { conversationRoom } from '@coachhub/shared/socket-events';
import type { ContextRunner } from 'express-validator';
import { AppError, errorText } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { SocketRegistrar, TypedSocket } from '../../core/socket/socket-types.js';
import { validatePayload } from '../../core/validation.js';
import { JoinedConversations } from './conversation-access.js';
import type { Caller, ConversationsService } from './conversations.service.js';
import { conversationRefPayload, sendMessagePayload } from './conversations.validation.js';

type Failure = { ok: false; error: { code: ErrorCode; message: string } };

const failure = (code: ErrorCode, message: string): Failure => ({
  ok: false,
  error: { code, message },
});

/**
 * One handler per client event: validate the payload with the HTTP rules, run the service as
 * the socket's user, answer the ack with the data or the same error code HTTP would give.
 * `rules` are built once (express-validator chains are reusable: each run has its own context).
 */
function handler<P extends object, T>(
  socket: TypedSocket,
  logger: Logger,
  rules: readonly ContextRunner[],
  run: (caller: Caller, payload: P) => Promise<T>,
) {
  return async (payload: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const answer = ack as (answer: { ok: true; data: T } | Failure) => void;
    const checked = await validatePayload<P>(payload, rules);
    if (!checked.ok) {
      const fields = checked.issues.map((issue) => `${issue.field || 'payload'}: ${issue.message}`);
      answer(failure('VALIDATION_FAILED', `The payload is not valid (${fields.join('; ')})`));
      return;
    }
    const caller: Caller = { userId: socket.data.userId, role: socket.data.role as Role };
    try {
      answer({ ok: true, data: await run(caller, checked.values) });
    } catch (error) {
      if (error instanceof AppError) {
        const fields = Array.isArray(error.details)
          ? ` (${error.details.map((issue) => `${issue.field}: ${issue.message}`).join('; ')})`
          : '';
        answer(failure(error.code, `${error.message}${fields}`));
        return;
      }
      logger.error('Socket event failed', {
        userId: caller.userId,
        error: errorText(error),
      });
      answer(failure('INTERNAL_ERROR', 'Something went wrong on our side'));
    }
  };
}

/** `conversation:join`, `message:send`, `message:read`, `typing`. */
export function createConversationsRegistrar(deps: {
  conversations: ConversationsService;
  logger: Logger;
}): SocketRegistrar {
  const { conversations, logger } = deps;
  // Once for the server, not per socket or per event.
  const refRules = conversationRefPayload();
  const sendRules = sendMessagePayload();
  return (_io, socket) => {
    const joined = new JoinedConversations(socket.data.userId);
    const on = <P extends object, T>(
      rules: readonly ContextRunner[],
      run: (caller: Caller, payload: P) => Promise<T>,
    ) => handler<P, T>(socket, logger, rules, run);

    socket.on(
      'conversation:join',
      on<ConversationRef, ConversationRef>(refRules, async (caller, { conversationId }) => {
        joined.remember(await conversations.assertMember(caller, conversationId));
        await socket.join(conversationRoom(conversationId));
        return { conversationId };
      }),
    );
    socket.on(
      'message:send',
      on<MessageSendPayload, Awaited<ReturnType<ConversationsService['send']>>>(
        sendRules,
        (caller, payload) => conversations.send(caller, payload, joined),
      ),
    );
    socket.on(
      'message:read',
      on<ConversationRef, Awaited<ReturnType<ConversationsService['markRead']>>>(
        refRules,
        (caller, { conversationId }) => conversations.markRead(caller, conversationId),
      ),
    );
    socket.on(
      'typing',
      on<ConversationRef, { relayed: boolean }>(refRules, async (caller, { conversationId }) => ({
        relayed: await conversations.typing(caller, conversationId),
      })),
    );
  };
}
