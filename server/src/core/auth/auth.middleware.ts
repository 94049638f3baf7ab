import type { Role } from '@coachhub/shared/roles';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors.js';
import type { Authenticator, Principal } from './principal.js';

declare global {
  // Express's documented way to type what middleware adds to the request.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
    }
  }
}

function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError(401, 'INVALID_TOKEN', 'Expected "Authorization: Bearer <token>"');
  return match[1];
}

/** Requires a valid access token of an active account; the role and status come from the database. */
export function auth(authenticate: Authenticator): RequestHandler {
  return async (req, _res, next) => {
    req.principal = await authenticate(bearerToken(req));
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const principal = principalOf(req);
    if (!roles.includes(principal.role)) {
      throw new AppError(403, 'FORBIDDEN', 'You are not allowed to do this');
    }
    next();
  };
}

/** The caller of a route behind `auth`; a route wired without it is a programming error. */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new Error('principalOf() used on a route without the auth middleware');
  return req.principal;
}
