import { createSecretKey, type KeyObject } from 'node:crypto';
import { ROLES, type Role } from '@coachhub/shared/roles';
import jwt from 'jsonwebtoken';
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

export function createAccessTokens(options: { secret: string; ttlSeconds: number }): AccessTokens {
  // Built once: verifying against a key object skips re-deriving the key on every request.
  const key: KeyObject = createSecretKey(Buffer.from(options.secret, 'utf8'));

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
    },
  };
}

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
      return { userId: sub, role: role as Role, sessionId: sid, expiresAt: new Date(exp * 1000) };
    }
  }
  throw new AppError(401, 'INVALID_TOKEN', 'The access token is not valid');
}
