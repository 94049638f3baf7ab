import { Router, type Request, type RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import type { RateLimitConfig } from '../../core/config/config.js';
import type { RateLimits } from '../../core/http/rate-limit.js';
import { validate } from '../../core/validation.js';
import type { AuthControllerDeps } from './auth.controller.js';
import { createAuthController } from './auth.controller.js';
import {
  changePasswordBody,
  enableTwoFactorBody,
  loginBody,
  registerBody,
  sessionIdParam,
  twoFactorCodeBody,
  twoFactorLoginBody,
} from './auth.validation.js';
import { createSessionsController } from './sessions.controller.js';
import type { ChallengeTokens } from './two-factor-challenge.js';
import { createTwoFactorController } from './two-factor.controller.js';
import type { TwoFactorService } from './two-factor.service.js';

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
  deps: AuthControllerDeps & {
    limits: RateLimitConfig;
    rateLimits: RateLimits;
    authenticated: RequestHandler;
    twoFactor: TwoFactorService;
    challenges: ChallengeTokens;
  },
): Router {
  const controller = createAuthController(deps);
  const twoFactor = createTwoFactorController(deps.twoFactor);
  const sessions = createSessionsController(deps.sessions);
  const { limits, authenticated } = deps;
  const limiter = deps.rateLimits.http;
  const windowSeconds = limits.windowSeconds;
  const router = Router();
  /**
   * Six digits fall to guessing unless wrong codes are counted per account (whoever holds the
   * password or a stolen access token may try from many addresses): as many failures per window
   * as a login allows. It takes the password (or a session) to use up an account's allowance.
   */
  const wrongCodesOf = (name: string, key: (req: Request) => string | undefined) =>
    limiter({ name, limit: limits.loginPerAccount, windowSeconds, key, countFailuresOnly: true });
  const codesOfCaller = wrongCodesOf(
    'two-factor-codes',
    (req) => `two-factor:${principalOf(req).userId}`,
  );

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

  router.post(
    '/login/two-factor',
    limiter({ name: 'two-factor-login-ip', limit: limits.loginPerIp, windowSeconds }),
    wrongCodesOf('two-factor-login-account', (req) => {
      const userId = deps.challenges.peek(
        (req.body as { challengeToken?: unknown } | undefined)?.challengeToken,
      );
      return userId && `two-factor:${userId}`;
    }),
    validate(twoFactorLoginBody()),
    controller.loginTwoFactor,
  );
  router.get('/two-factor', authenticated, validate(), twoFactor.status);
  router.post('/two-factor/setup', authenticated, validate(), twoFactor.setUp);
  router.post(
    '/two-factor/enable',
    authenticated,
    codesOfCaller,
    validate(enableTwoFactorBody()),
    twoFactor.enable,
  );
  router.post(
    '/two-factor/disable',
    authenticated,
    codesOfCaller,
    validate(twoFactorCodeBody()),
    twoFactor.disable,
  );
  router.post(
    '/two-factor/recovery-codes',
    authenticated,
    codesOfCaller,
    validate(twoFactorCodeBody()),
    twoFactor.renewRecoveryCodes,
  );

  router.get('/sessions', authenticated, validate(), sessions.list);
  router.post('/sessions/revoke-others', authenticated, validate(), sessions.revokeOthers);
  router.delete('/sessions/:id', authenticated, validate(sessionIdParam()), sessions.revoke);
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
