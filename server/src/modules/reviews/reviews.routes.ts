import { Router, type RequestHandler } from 'express';
import { validate } from '../../core/validation.js';
import { userIdParam } from '../../core/validation-fields.js';
import { createReviewsController } from './reviews.controller.js';
import type { ReviewsService } from './reviews.service.js';
import {
  coachReviewsQuery,
  createReviewBody,
  myReviewsQuery,
  responseBody,
  reviewIdParam,
} from './reviews.validation.js';

type Controller = ReturnType<typeof createReviewsController>;

/** `/api/reviews`: writing a review, the coach's reply, the caller's own reviews. */
function createReviewsRouter(deps: { controller: Controller; authenticated: RequestHandler }) {
  const { controller, authenticated } = deps;
  const router = Router();
  router.post('/', authenticated, validate(createReviewBody()), controller.create);
  router.get('/mine', authenticated, validate(myReviewsQuery()), controller.mine);
  router.post(
    '/:id/response',
    authenticated,
    validate(reviewIdParam(), responseBody()),
    controller.respond,
  );
  return router;
}

/** Mounted on `/api/coaches`: `GET /:userId/reviews` (public, like the profile). */
function createCoachReviewsRouter(deps: {
  controller: Controller;
  maybeAuthenticated: RequestHandler;
}) {
  const router = Router();
  router.get(
    '/:userId/reviews',
    deps.maybeAuthenticated,
    validate(userIdParam(), coachReviewsQuery()),
    deps.controller.forCoach,
  );
  return router;
}

export function createReviewsRouters(deps: {
  reviews: ReviewsService;
  authenticated: RequestHandler;
  maybeAuthenticated: RequestHandler;
}) {
  const controller = createReviewsController(deps.reviews);
  return {
    router: createReviewsRouter({ controller, authenticated: deps.authenticated }),
    coachRouter: createCoachReviewsRouter({
      controller,
      maybeAuthenticated: deps.maybeAuthenticated,
    }),
  };
}
