import { Router, type RequestHandler } from 'express';
import { requireRole } from '../../../core/auth/auth.middleware.js';
import { validate } from '../../../core/validation.js';
import { userIdParam } from '../../../core/validation-fields.js';
import { createSessionTypesController } from './session-types.controller.js';
import type { SessionTypesService } from './session-types.service.js';
import {
  createSessionTypeBody,
  sessionTypeIdParam,
  updateSessionTypeBody,
} from './session-types.validation.js';

type Controller = ReturnType<typeof createSessionTypesController>;

/** Mounted on `/api/coaches`: `GET /:userId/session-types` (public; the owner sees inactive ones too). */
export function createCoachSessionTypesRouter(deps: {
  controller: Controller;
  maybeAuthenticated: RequestHandler;
}): Router {
  const router = Router();
  router.get(
    '/:userId/session-types',
    deps.maybeAuthenticated,
    validate(userIdParam()),
    deps.controller.listForCoach,
  );
  return router;
}

/** `/api/session-types`: the coach's own session types. */
export function createSessionTypesRouter(deps: {
  controller: Controller;
  authenticated: RequestHandler;
}): Router {
  const { controller, authenticated } = deps;
  const router = Router();
  const coachOnly = [authenticated, requireRole('coach')];
  router.post('/', ...coachOnly, validate(createSessionTypeBody()), controller.create);
  router.patch(
    '/:id',
    ...coachOnly,
    validate(sessionTypeIdParam(), updateSessionTypeBody()),
    controller.update,
  );
  router.delete('/:id', ...coachOnly, validate(sessionTypeIdParam()), controller.remove);
  return router;
}

export function createSessionTypesRouters(deps: {
  sessionTypes: SessionTypesService;
  authenticated: RequestHandler;
  maybeAuthenticated: RequestHandler;
}) {
  const controller = createSessionTypesController(deps.sessionTypes);
  return {
    coachRouter: createCoachSessionTypesRouter({
      controller,
      maybeAuthenticated: deps.maybeAuthenticated,
    }),
    router: createSessionTypesRouter({ controller, authenticated: deps.authenticated }),
  };
}
