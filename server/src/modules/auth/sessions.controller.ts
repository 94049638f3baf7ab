import type { RevokeOtherSessionsResponse } from '@coachhub/shared/sessions';
import type { RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { notFound } from '../../core/errors.js';
import { toSessionDTO } from './session.mapper.js';
import type { SessionService } from './session.service.js';

/** The caller's signed-in devices: list them, end one, end all but this one. */
export function createSessionsController(sessions: SessionService) {
  const list: RequestHandler = async (req, res) => {
    const { userId, sessionId } = principalOf(req);
    const open = await sessions.listOpen(userId);
    res.json(open.map((session) => toSessionDTO(session, sessionId)));
  };

  /** Someone else's session is answered like one that does not exist. */
  const revoke: RequestHandler = async (req, res) => {
    const ended = await sessions.revokeOwn(principalOf(req).userId, String(req.params.id));
    if (!ended) throw notFound('Session');
    res.status(204).end();
  };

  const revokeOthers: RequestHandler = async (req, res) => {
    const { userId, sessionId } = principalOf(req);
    const answer: RevokeOtherSessionsResponse = {
      revoked: await sessions.revokeOthers(userId, sessionId),
    };
    res.json(answer);
  };

  return { list, revoke, revokeOthers };
}
