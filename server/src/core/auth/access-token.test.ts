import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccessTokens } from './access-token.js';

const SECRET = 'unit-test-secret-unit-test-secret';
const claims = {
  userId: '65a1b2c3d4e5f60718293a4b',
  role: 'client' as const,
  sessionId: '65a1b2c3d4e5f60718293a4c',
};

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('access tokens', () => {
  const tokens = createAccessTokens({ secret: SECRET, ttlSeconds: 900 });

  it('round-trips the claims in an HS256 token that expires', () => {
    const token = tokens.sign(claims);
    const decoded = jwt.decode(token, { complete: true });
    expect(decoded?.header.alg).toBe('HS256');
    const payload = decoded?.payload as jwt.JwtPayload;
    expect(payload.sub).toBe(claims.userId);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(900);
    // The expiry comes back too: sockets close when it passes.
    expect(tokens.verify(token)).toEqual({
      ...claims,
      expiresAt: new Date((payload.exp ?? 0) * 1000),
    });
  });

  it('refuses an expired token with TOKEN_EXPIRED', () => {
    const expired = jwt.sign({ role: 'client', sid: claims.sessionId, exp: 1 }, SECRET, {
      subject: claims.userId,
      issuer: 'coachhub',
    });
    expect(codeOf(() => tokens.verify(expired))).toBe('TOKEN_EXPIRED');
  });

  describe('a token verified before', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('is accepted again until the second it expires, then refused with TOKEN_EXPIRED', () => {
      vi.useFakeTimers({ now: new Date('2026-12-02T10:00:00.000Z') });
      const shortLived = createAccessTokens({ secret: SECRET, ttlSeconds: 60 });
      const token = shortLived.sign(claims);
      const first = shortLived.verify(token);
      vi.advanceTimersByTime(59_999);
      expect(shortLived.verify(token)).toEqual(first);
      vi.advanceTimersByTime(1);
      expect(codeOf(() => shortLived.verify(token))).toBe('TOKEN_EXPIRED');
      expect(codeOf(() => shortLived.verify(token))).toBe('TOKEN_EXPIRED');
    });

    it('does not make a token signed with another secret valid', () => {
      const token = tokens.sign(claims);
      tokens.verify(token);
      const other = createAccessTokens({ secret: 'other', ttlSeconds: 900 });
      expect(codeOf(() => other.verify(token))).toBe('INVALID_TOKEN');
      const [header, payload] = token.split('.');
      expect(codeOf(() => tokens.verify(`${header}.${payload}.forged`))).toBe('INVALID_TOKEN');
    });
  });

  it.each([
    ['garbage', 'not-a-jwt'],
    ['another secret', createAccessTokens({ secret: 'other', ttlSeconds: 60 }).sign(claims)],
    [
      'alg none',
      jwt.sign({ role: 'client', sid: claims.sessionId }, '', {
        algorithm: 'none',
        subject: claims.userId,
        issuer: 'coachhub',
      }),
    ],
    [
      'unknown role',
      jwt.sign({ role: 'root', sid: claims.sessionId }, SECRET, {
        subject: claims.userId,
        issuer: 'coachhub',
      }),
    ],
    [
      'missing session',
      jwt.sign({ role: 'client' }, SECRET, { subject: claims.userId, issuer: 'coachhub' }),
    ],
  ])('refuses %s with INVALID_TOKEN', (_name, token) => {
    expect(codeOf(() => tokens.verify(token))).toBe('INVALID_TOKEN');
  });
});
