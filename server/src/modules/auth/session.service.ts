import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@coachhub/shared/roles';
import { Types, type QueryFilter } from 'mongoose';
import type { AccessTokens } from '../../core/auth/access-token.js';
import { AppError } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { findRoleAndStatus } from '../users/user-accounts.js';
import {
  ROTATED_HASHES_KEPT,
  Session,
  type SessionFields,
  type SessionRevokeReason,
} from './session.model.js';

/** What a login, a refresh or a password change hands to the client. */
export interface IssuedTokens {
  accessToken: string;
  /** Opaque; travels only in the httpOnly cookie. */
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** Where a request came from, as the user will recognise it in their list of sessions. */
export interface ClientInfo {
  userAgent?: string | undefined;
  ip?: string | undefined;
}

/** An open session as its owner sees it. */
export type SessionRecord = Pick<SessionFields, 'userAgent' | 'ip' | 'createdAt' | 'lastUsedAt'> & {
  _id: Types.ObjectId;
};

export interface SessionService {
  start(user: { _id: Types.ObjectId; role: Role }, client?: ClientInfo): Promise<IssuedTokens>;
  /** Trades a refresh token for a new pair; a replayed token revokes its whole family. */
  rotate(refreshToken: string | undefined, client?: ClientInfo): Promise<IssuedTokens>;
  /** Logout: ends the family of this refresh token (unknown tokens are ignored). */
  revoke(refreshToken: string | undefined): Promise<void>;
  revokeAllForUser(userId: string, reason: SessionRevokeReason): Promise<void>;
  /** The user's open sessions, most recently used first. */
  listOpen(userId: string): Promise<SessionRecord[]>;
  /** Ends one open session of this user; false when there is none by that id (or not theirs). */
  revokeOwn(userId: string, sessionId: string): Promise<boolean>;
  /** Ends every open session of the user but `keepSessionId`; answers how many ended. */
  revokeOthers(userId: string, keepSessionId: string): Promise<number>;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newRefreshToken = (): string => randomBytes(32).toString('base64url');
// Anything else cannot be a token we issued; refusing it early keeps odd input away from queries.
const TOKEN_SHAPE = /^[\w-]{43}$/;

/**
 * What is stored of the client: bounded, so a huge header cannot bloat the session. An IPv4
 * address that reached a dual-stack socket reads as itself (`::ffff:203.0.113.9` -> `203.0.113.9`).
 */
const seenFrom = (client: ClientInfo = {}) => ({
  userAgent: client.userAgent?.slice(0, 300) || null,
  ip: client.ip?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').slice(0, 100) || null,
});

const invalid = () =>
  new AppError(401, 'REFRESH_TOKEN_INVALID', 'The session has ended; please sign in again');

export function createSessionService(deps: {
  accessTokens: AccessTokens;
  refreshTokenTtlDays: number;
  /** `session.revoked` goes out after each revocation. */
  events: EventBus;
}): SessionService {
  const expiryFrom = (now: Date) => new Date(now.getTime() + deps.refreshTokenTtlDays * 86_400_000);

  const issue = (
    userId: string,
    role: Role,
    sessionId: string,
    refreshToken: string,
    expiresAt: Date,
  ) => ({
    accessToken: deps.accessTokens.sign({ userId, role, sessionId }),
    refreshToken,
    refreshExpiresAt: expiresAt,
  });

  /** Ends one open family; announced only when this call ended it (and then true). */
  async function revokeWhere(
    filter: QueryFilter<SessionFields>,
    reason: SessionRevokeReason,
  ): Promise<boolean> {
    const ended = await Session.findOneAndUpdate(
      { ...filter, revokedAt: null },
      { $set: { revokedAt: new Date(), revokedReason: reason } },
    )
      .select('user')
      .lean();
    if (ended) {
      deps.events.publish('session.revoked', {
        userId: ended.user.toString(),
        sessionId: ended._id.toString(),
        reason,
      });
    }
    return ended !== null;
  }

  const revokeFamily = (sessionId: Types.ObjectId, reason: SessionRevokeReason) =>
    revokeWhere({ _id: sessionId }, reason);

  return {
    async start(user, client) {
      const now = new Date();
      const refreshToken = newRefreshToken();
      const session = await Session.create({
        user: user._id,
        tokenHash: hashToken(refreshToken),
        expiresAt: expiryFrom(now),
        lastUsedAt: now,
        ...seenFrom(client),
      });
      return issue(user._id.toString(), user.role, session.id, refreshToken, session.expiresAt);
    },

    async rotate(refreshToken, client) {
      if (!refreshToken) {
        throw new AppError(401, 'UNAUTHENTICATED', 'No refresh token was sent');
      }
      if (!TOKEN_SHAPE.test(refreshToken)) throw invalid();
      const presentedHash = hashToken(refreshToken);
      const nextToken = newRefreshToken();
      const now = new Date();
      // One atomic conditional update: of two concurrent uses of a token, only one can win.
      const session = await Session.findOneAndUpdate(
        { tokenHash: presentedHash, revokedAt: null, expiresAt: { $gt: now } },
        {
          $set: {
            tokenHash: hashToken(nextToken),
            expiresAt: expiryFrom(now),
            lastUsedAt: now,
            ...seenFrom(client),
          },
          $push: { rotatedTokenHashes: { $each: [presentedHash], $slice: -ROTATED_HASHES_KEPT } },
        },
        { returnDocument: 'after' },
      );
      if (!session) {
        const replayed = await Session.findOne({ rotatedTokenHashes: presentedHash });
        if (replayed) {
          await revokeFamily(replayed._id, 'reuse');
          throw new AppError(
            401,
            'REFRESH_TOKEN_REUSED',
            'This refresh token was already used; the session has been ended for safety',
          );
        }
        throw invalid();
      }
      const user = await findRoleAndStatus(session.user.toString());
      if (!user) throw invalid();
      if (user.status === 'suspended') {
        await revokeFamily(session._id, 'suspended');
        throw new AppError(403, 'ACCOUNT_SUSPENDED', 'This account is suspended');
      }
      return issue(user._id.toString(), user.role, session.id, nextToken, session.expiresAt);
    },

    async revoke(refreshToken) {
      if (!refreshToken || !TOKEN_SHAPE.test(refreshToken)) return;
      const hash = hashToken(refreshToken);
      await revokeWhere({ $or: [{ tokenHash: hash }, { rotatedTokenHashes: hash }] }, 'logout');
    },

    async revokeAllForUser(userId, reason) {
      // One by one, so each session that this call ended is announced (and its sockets closed).
      const open = await Session.find({ user: new Types.ObjectId(userId), revokedAt: null })
        .select('_id')
        .lean();
      for (const { _id } of open) await revokeFamily(_id, reason);
    },

    listOpen(userId) {
      return Session.find({
        user: new Types.ObjectId(userId),
        revokedAt: null,
        expiresAt: { $gt: new Date() },
      })
        .select('userAgent ip createdAt lastUsedAt')
        .sort({ lastUsedAt: -1, _id: -1 })
        .lean<SessionRecord[]>()
        .exec();
    },

    revokeOwn(userId, sessionId) {
      return revokeWhere(
        { _id: new Types.ObjectId(sessionId), user: new Types.ObjectId(userId) },
        'revoked',
      );
    },

    async revokeOthers(userId, keepSessionId) {
      const others = await Session.find({
        user: new Types.ObjectId(userId),
        _id: { $ne: new Types.ObjectId(keepSessionId) },
        revokedAt: null,
        expiresAt: { $gt: new Date() },
      })
        .select('_id')
        .lean();
      let revoked = 0;
      // One by one, so each ended session is announced and its sockets close.
      for (const { _id } of others) if (await revokeFamily(_id, 'revoked')) revoked += 1;
      return revoked;
    },
  };
}

/** Whether the family an access token was issued for is still open (logout/password change close it). */
export async function isSessionActive(sessionId: string, userId: string): Promise<boolean> {
  const open = await Session.exists({
    _id: new Types.ObjectId(sessionId),
    user: new Types.ObjectId(userId),
    revokedAt: null,
  });
  return open !== null;
}
