import { Router, type RequestHandler } from 'express';
import { validate } from '../../core/validation.js';
import { singleImageUpload } from '../uploads/image-upload.middleware.js';
import { createUsersController } from './users.controller.js';
import type { UsersService } from './users.service.js';
import { updateMeBody } from './users.validation.js';

/**
 * `/api/users/me`: the account's own profile. Routes under `/users/me` whose work belongs to
 * another module (password: auth; become-coach: coaches) are mounted by those modules.
 */
export function createUsersRouter(deps: {
  users: UsersService;
  authenticated: RequestHandler;
  uploadMaxBytes: number;
}): Router {
  const controller = createUsersController(deps.users);
  const router = Router();
  // Per route rather than router.use(), so an unknown path under /users is a 404, not a 401.
  const { authenticated } = deps;

  router.get('/me', authenticated, validate(), controller.getMe);
  router.patch('/me', authenticated, validate(updateMeBody()), controller.updateMe);
  router.post(
    '/me/profile-picture',
    authenticated,
    validate(),
    singleImageUpload(deps.uploadMaxBytes),
    controller.setProfilePicture,
  );
  return router;
}
