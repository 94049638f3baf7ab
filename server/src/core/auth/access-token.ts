import { createSecretKey, type KeyObject } from 'node:crypto';
import { ROLES, type Role } from '@coachhub/shared/roles';
import jwt from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors.js';

/** What an access token asserts. `sessionId` is the refresh-token family the token was issued for. */
export interface AccessClaims {
  userId: string;
  role: Role;
  sessionId: string;
}

/** A verified token's claims and when it stops being valid. */
export interface VerifiedClaims extends AccessClaims {
  expiresAt: Date;
}

export interface AccessTokens {
  sign(claims: AccessClaims): string;
  /** Throws AppError 401 `TOKEN_EXPIRED` or `INVALID_TOKEN`. */
  verify(token: string): VerifiedClaims;
}

const ALGORITHM = 'HS256';
const ISSUER = 'coachhub';
const OBJECT_ID = /^[0-9a-f]{24}$/;
/**
 * Tokens whose signature was checked, at once (a few MB at most): a signed-in client sends the
 * same token with every request until it expires.
 */
const VERIFIED_TOKENS_MAX = 10_000;

export function createAccessTokens(options: { secret: string; ttlSeconds: number }): AccessTokens {
  // Built once: verifying against a key object skips re-deriving the key on every request.
  const key: KeyObject = createSecretKey(Buffer.from(options.secret, 'utf8'));
  // A token's signature and claims never change, so checking them once is enough: what can change
  // is the time, and a kept token is refused as soon as it expires, as jsonwebtoken would refuse
  // it. Whether its session and account may still act is the principal cache's to say, per request.
  const verified = new LRUCache<string, VerifiedClaims>({ max: VERIFIED_TOKENS_MAX });

  return {
    sign({ userId, role, sessionId }) {
      return jwt.sign({ role, sid: sessionId }, key, {
        algorithm: ALGORITHM,
        expiresIn: options.ttlSeconds,
        subject: userId,
        issuer: ISSUER,
      });
    },
    verify(token) {
      const known = verified.get(token);
      if (known && !hasExpired(known)) return known;
      // Expired (jsonwebtoken answers TOKEN_EXPIRED below), or not seen yet.
      verified.delete(token);
      const claims = verifySignature(token);
      verified.set(token, claims);
      return claims;
    },
  };

  function verifySignature(token: string): VerifiedClaims {
    let payload: string | jwt.JwtPayload;
    try {
      payload = jwt.verify(token, key, { algorithms: [ALGORITHM], issuer: ISSUER });
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) {
        throw new AppError(401, 'TOKEN_EXPIRED', 'The access token has expired');
      }
      throw new AppError(401, 'INVALID_TOKEN', 'The access token is not valid');
    }
    return toClaims(payload);
  }
}

/** jsonwebtoken's rule: expired from the second `exp` names on (its clock counts whole seconds). */
const hasExpired = (claims: VerifiedClaims): boolean =>
  Math.floor(Date.now() / 1000) * 1000 >= claims.expiresAt.getTime();

function toClaims(payload: string | jwt.JwtPayload): VerifiedClaims {
  if (typeof payload === 'object') {
    const { sub, role, sid, exp } = payload as {
      sub?: unknown;
      role?: unknown;
      sid?: unknown;
      exp?: unknown;
    };
    if (
      typeof exp === 'number' &&
      typeof sub === 'string' &&
      OBJECT_ID.test(sub) &&
      typeof sid === 'string' &&
      OBJECT_ID.test(sid) &&
      (ROLES as readonly unknown[]).includes(role)
    ) {
      // Frozen: one verified token's claims are handed to every request that sends it.
      return Object.freeze({
        userId: sub,
        role: role as Role,
        sessionId: sid,
        expiresAt: new Date(exp * 1000),
      });
    }
  }
  throw new AppError(401, 'INVALID_TOKEN', 'The access token is not valid');
}
