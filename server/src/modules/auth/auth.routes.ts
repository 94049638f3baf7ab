import { PASSWORD_MIN_LENGTH } from '@coachhub/shared/auth';
import { Router, type Request } from 'express';
import type { RateLimitConfig } from '../../core/config/config.js';
import { createLimiter } from '../../core/http/rate-limit.js';
import { validate } from '../../core/validation.js';
import type { AuthControllerDeps } from './auth.controller.js';
import { createAuthController } from './auth.controller.js';
import { emailField, localeField, nameField, passwordField } from './auth.validation.js';

/** The account a login attempt is aimed at, normalised like the stored email. */
function loginAccountKey(req: Request): string | undefined {
  const email: unknown = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? `login:${email.trim().toLowerCase()}` : undefined;
}

export function createAuthRouter(deps: AuthControllerDeps & { limits: RateLimitConfig }): Router {
  const controller = createAuthController(deps);
  const { limits } = deps;
  const windowSeconds = limits.windowSeconds;
  const router = Router();

  router.post(
    '/register',
    createLimiter({ limit: limits.registerPerIp, windowSeconds }),
    validate(
      emailField(),
      passwordField('password', PASSWORD_MIN_LENGTH),
      nameField('firstName'),
      nameField('lastName'),
      localeField().optional(),
    ),
    controller.register,
  );
  router.post(
    '/login',
    createLimiter({ limit: limits.loginPerIp, windowSeconds }),
    createLimiter({
      limit: limits.loginPerAccount,
      windowSeconds,
      key: loginAccountKey,
      countFailuresOnly: true,
    }),
    validate(emailField(), passwordField('password')),
    controller.login,
  );
  router.post(
    '/refresh',
    createLimiter({ limit: limits.refreshPerIp, windowSeconds }),
    validate(),
    controller.refresh,
  );
  router.post('/logout', validate(), controller.logout);
  return router;
}
