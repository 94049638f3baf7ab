import { PASSWORD_MIN_LENGTH } from '@coachhub/shared/auth';
import { Router, type RequestHandler } from 'express';
import { body, checkExact } from 'express-validator';
import { principalOf } from '../../core/auth/auth.middleware.js';
import type { RateLimitConfig } from '../../core/config/config.js';
import { createLimiter } from '../../core/http/rate-limit.js';
import { validate } from '../../core/validation.js';
import { isIanaTimeZone } from '../../domain/time-zone.js';
import { localeField, nameField, passwordField } from '../auth/auth.validation.js';
import { createUsersController } from './users.controller.js';
import type { UsersService } from './users.service.js';

export function createUsersRouter(deps: {
  users: UsersService;
  authenticated: RequestHandler;
  secureCookies: boolean;
  limits: RateLimitConfig;
}): Router {
  const controller = createUsersController(deps.users, deps.secureCookies);
  const router = Router();
  // Per route rather than router.use(), so an unknown path under /users is a 404, not a 401.
  const { authenticated } = deps;

  router.get('/me', authenticated, validate(), controller.getMe);
  router.patch(
    '/me',
    authenticated,
    validate(
      checkExact(
        [
          nameField('firstName').optional(),
          nameField('lastName').optional(),
          localeField().optional(),
          body('timeZone')
            .optional()
            .isString()
            .withMessage('Must be a string')
            .bail()
            .trim()
            .custom(isIanaTimeZone)
            .withMessage('Must be an IANA time zone such as Europe/Berlin'),
        ],
        { message: 'Only firstName, lastName, locale and timeZone can be changed here' },
      ),
    ),
    controller.updateMe,
  );
  router.post(
    '/me/password',
    authenticated,
    // A stolen access token must not become a way to guess the current password.
    createLimiter({
      limit: deps.limits.loginPerAccount,
      windowSeconds: deps.limits.windowSeconds,
      key: (req) => `password:${principalOf(req).userId}`,
      countFailuresOnly: true,
    }),
    validate(passwordField('currentPassword'), passwordField('newPassword', PASSWORD_MIN_LENGTH)),
    controller.changePassword,
  );
  return router;
}
