import { Router, type RequestHandler } from 'express';
import { optionalAuth, requireSelf } from '../../core/auth/auth.middleware.js';
import type { Authenticator } from '../../core/auth/principal.js';
import { validate } from '../../core/validation.js';
import { userIdParam } from '../../core/validation-fields.js';
import { singleImageUpload } from '../uploads/image-upload.middleware.js';
import { becomeCoachBody, matchBody, updateCoachBody } from './coach-body.validation.js';
import { directoryQuery } from './coach-query.validation.js';
import type { CoachesController } from './coaches.controller.js';

/** `/api/coaches`: the public directory and profiles, matching, and the coach's own edits. */
export function createCoachesRouter(deps: {
  controller: CoachesController;
  authenticated: RequestHandler;
  authenticate: Authenticator;
  uploadMaxBytes: number;
}): Router {
  const { controller, authenticated } = deps;
  const maybeAuthenticated = optionalAuth(deps.authenticate);
  const router = Router();

  router.get('/', validate(directoryQuery()), controller.search);
  router.post('/match', maybeAuthenticated, validate(matchBody()), controller.match);
  router.get('/:userId', maybeAuthenticated, validate(userIdParam()), controller.getCoach);
  router.patch(
    '/:userId',
    authenticated,
    requireSelf(),
    validate(userIdParam(), updateCoachBody()),
    controller.updateCoach,
  );
  router.post(
    '/:userId/profile-picture',
    authenticated,
    requireSelf(),
    validate(userIdParam()),
    singleImageUpload(deps.uploadMaxBytes),
    controller.setPicture,
  );
  return router;
}

/** `POST /api/users/me/become-coach`: a route under `/users` whose work is the coaches'. */
export function createBecomeCoachRouter(deps: {
  controller: CoachesController;
  authenticated: RequestHandler;
}): Router {
  const router = Router();
  router.post(
    '/me/become-coach',
    deps.authenticated,
    validate(becomeCoachBody()),
    deps.controller.becomeCoach,
  );
  return router;
}
