import { Router, type Request, type RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import type { RateLimitConfig } from '../../core/config/config.js';
import type { RateLimits } from '../../core/http/rate-limit.js';
import { validate } from '../../core/validation.js';
import type { AuthControllerDeps } from './auth.controller.js';
import { createAuthController } from './auth.controller.js';
import { changePasswordBody, loginBody, registerBody } from './auth.validation.js';

/**
 * The account a login attempt is aimed at (normalised like the stored email) from this address.
 * Never the account alone: whoever knows an e-mail address must not be able to lock its owner
 * out; guessing from one address stays throttled here and by the per-address limit.
 */
function loginAccountKey(req: Request): string | undefined {
  const email: unknown = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string'
    ? `login:${email.trim().toLowerCase()}:${req.ip ?? 'unknown'}`
    : undefined;
}

export function createAuthRouter(
  deps: AuthControllerDeps & { limits: RateLimitConfig; rateLimits: RateLimits },
): Router {
  const controller = createAuthController(deps);
  const { limits } = deps;
  const limiter = deps.rateLimits.http;
  const windowSeconds = limits.windowSeconds;
  const router = Router();

  router.post(
    '/register',
    limiter({ name: 'register-ip', limit: limits.registerPerIp, windowSeconds }),
    validate(registerBody()),
    controller.register,
  );
  router.post(
    '/login',
    limiter({ name: 'login-ip', limit: limits.loginPerIp, windowSeconds }),
    limiter({
      name: 'login-account-ip',
      limit: limits.loginPerAccount,
      windowSeconds,
      key: loginAccountKey,
      countFailuresOnly: true,
    }),
    validate(loginBody()),
    controller.login,
  );
  router.post(
    '/refresh',
    limiter({ name: 'refresh-ip', limit: limits.refreshPerIp, windowSeconds }),
    validate(),
    controller.refresh,
  );
  router.post('/logout', validate(), controller.logout);
  return router;
}

/** `POST /api/users/me/password`, mounted under `/users` by the app. */
export function createPasswordRouter(
  deps: AuthControllerDeps & {
    limits: RateLimitConfig;
    rateLimits: RateLimits;
    authenticated: RequestHandler;
  },
): Router {
  const controller = createAuthController(deps);
  const router = Router();
  router.post(
    '/me/password',
    deps.authenticated,
    // A stolen access token must not become a way to guess the current password.
    deps.rateLimits.http({
      name: 'password-change',
      limit: deps.limits.loginPerAccount,
      windowSeconds: deps.limits.windowSeconds,
      key: (req) => `password:${principalOf(req).userId}`,
      countFailuresOnly: true,
    }),
    validate(changePasswordBody()),
    controller.changePassword,
  );
  return router;
}
