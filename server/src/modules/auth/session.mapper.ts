import type { SessionDTO } from '@coachhub/shared/sessions';
import type { SessionRecord } from './session.service.js';

/** A session as its owner sees it; tokens and their hashes never leave the server. */
export function toSessionDTO(session: SessionRecord, currentSessionId: string): SessionDTO {
  const id = session._id.toString();
  return {
    id,
    current: id === currentSessionId,
    userAgent: session.userAgent,
    ip: session.ip,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
  };
}
