import type { Role } from '@coachhub/shared/roles';
import type { Request, RequestHandler } from 'express';
import { isOpenBeforeTwoFactorSetup } from '../../domain/admin-two-factor.js';
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

/** The caller, unless an admin who must set up two-factor sign-in first calls a route it does not open. */
async function admitted(authenticate: Authenticator, req: Request, token: string | undefined) {
  const principal = await authenticate(token);
  if (
    principal.twoFactorSetupRequired &&
    !isOpenBeforeTwoFactorSetup(req.method, `${req.baseUrl}${req.path}`)
  ) {
    throw new AppError(
      403,
      'TWO_FACTOR_REQUIRED',
      'Turn on two-factor sign-in for this admin account first',
    );
  }
  return principal;
}

/** Requires a valid access token of an active account; the role and status come from the database. */
export function auth(authenticate: Authenticator): RequestHandler {
  return async (req, _res, next) => {
    req.principal = await admitted(authenticate, req, bearerToken(req));
    next();
  };
}

/**
 * For routes open to everyone that answer signed-in callers differently: no Authorization header
 * means anonymous, but a header that is sent must be valid (a bad token is still 401).
 */
export function optionalAuth(authenticate: Authenticator): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerToken(req);
    if (token !== undefined) req.principal = await admitted(authenticate, req, token);
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

/**
 * Only the user named by the route parameter (e.g. `/coaches/:userId`) may go on; checked before
 * the body is parsed, so others learn nothing from validation and upload nothing.
 */
export function requireSelf(paramName = 'userId'): RequestHandler {
  return (req, _res, next) => {
    if (principalOf(req).userId !== req.params[paramName]) {
      throw new AppError(403, 'FORBIDDEN', 'Only the owner can do this');
    }
    next();
  };
}

/** The caller on a route behind `optionalAuth`, or undefined for an anonymous one. */
export function callerOf(req: Request): Principal | undefined {
  return req.principal;
}

/** The caller of a route behind `auth`; a route wired without it is a programming error. */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new Error('principalOf() used on a route without the auth middleware');
  return req.principal;
}
