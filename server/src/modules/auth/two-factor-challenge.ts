import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError } from '../../core/errors.js';

const ISSUER = 'coachhub';
const AUDIENCE = 'coachhub:two-factor-challenge';
const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * The proof, between the two steps of signing in, that the password was right. Signed with its
 * own key (HKDF from the JWT secret under another label) and audience, so it never passes as an
 * access token, nor an access token as a challenge.
 */
export interface ChallengeTokens {
  sign(userId: string): string;
  /** The user id, or 401 `TWO_FACTOR_CHALLENGE_INVALID` (expired, altered, not a challenge). */
  verify(token: string): string;
  /** The user id of a valid challenge, else undefined (for the rate limiter's key). */
  peek(token: unknown): string | undefined;
}

export const challengeInvalid = () =>
  new AppError(
    401,
    'TWO_FACTOR_CHALLENGE_INVALID',
    'This sign-in has expired; please enter your password again',
  );

export const TWO_FACTOR_CHALLENGE_TTL_SECONDS = 5 * 60;

export function createChallengeTokens(options: {
  secret: string;
  ttlSeconds?: number;
}): ChallengeTokens {
  const key: KeyObject = createSecretKey(
    Buffer.from(hkdfSync('sha256', options.secret, Buffer.alloc(0), AUDIENCE, 32)),
  );
  const ttlSeconds = options.ttlSeconds ?? TWO_FACTOR_CHALLENGE_TTL_SECONDS;

  const userIdOf = (token: string): string | undefined => {
    try {
      const payload = jwt.verify(token, key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      const sub = typeof payload === 'object' ? payload.sub : undefined;
      return typeof sub === 'string' && OBJECT_ID.test(sub) ? sub : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    sign: (userId) =>
      jwt.sign({}, key, {
        algorithm: 'HS256',
        expiresIn: ttlSeconds,
        subject: userId,
        issuer: ISSUER,
        audience: AUDIENCE,
      }),
    verify(token) {
      const userId = userIdOf(token);
      if (!userId) throw challengeInvalid();
      return userId;
    },
    peek: (token) => (typeof token === 'string' ? userIdOf(token) : undefined),
  };
}
