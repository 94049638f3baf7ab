import { PASSWORD_MIN_LENGTH } from '@coachhub/shared/auth';
import { Router, type RequestHandler } from 'express';
import { checkExact } from 'express-validator';
import { principalOf } from '../../core/auth/auth.middleware.js';
import type { RateLimitConfig } from '../../core/config/config.js';
import { createLimiter } from '../../core/http/rate-limit.js';
import { validate } from '../../core/validation.js';
import { localeField, nameField, passwordField, timeZoneField } from '../auth/auth.validation.js';
import { becomeCoachBody } from '../coaches/coach-body.validation.js';
import { singleImageUpload } from '../uploads/image-upload.middleware.js';
import { createUsersController } from './users.controller.js';
import type { UsersService } from './users.service.js';

export function createUsersRouter(deps: {
  users: UsersService;
  authenticated: RequestHandler;
  secureCookies: boolean;
  limits: RateLimitConfig;
  uploadMaxBytes: number;
  /** `POST /me/become-coach` is a users route whose work belongs to the coaches feature. */
  becomeCoach: RequestHandler;
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
          timeZoneField().optional(),
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
  router.post(
    '/me/profile-picture',
    authenticated,
    singleImageUpload(deps.uploadMaxBytes),
    controller.setProfilePicture,
  );
  router.post('/me/become-coach', authenticated, validate(becomeCoachBody()), deps.becomeCoach);
  return router;
}
