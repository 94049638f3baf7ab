import { Router, type RequestHandler } from 'express';
import { param } from 'express-validator';
import { principalOf, requireRole } from '../../core/auth/auth.middleware.js';
import type { RateLimits } from '../../core/http/rate-limit.js';
import { pageOf, paginationQuery } from '../../core/pagination.js';
import { validate, validated } from '../../core/validation.js';
import { userIdParam } from '../../core/validation-fields.js';
import type { PackagePurchases } from './package-purchases.js';
import { sessionIdBody } from './payments.routes.js';

/** Purchases per person and window: each one opens a checkout at the provider. */
export const PURCHASE_LIMITS = { perWindow: 10, windowSeconds: 60 } as const;

const packageIdParam = () => param('packageId').isMongoId().withMessage('Must be a package id');
const purchaseIdParam = () => param('purchaseId').isMongoId().withMessage('Must be a purchase id');

function createController(purchases: PackagePurchases) {
  const offers: RequestHandler = async (req, res) => {
    const { userId } = validated<{ userId: string }>(req);
    res.json(await purchases.offers(userId, req.principal));
  };
  const purchase: RequestHandler = async (req, res) => {
    const { packageId } = validated<{ packageId: string }>(req);
    res.status(201).json(await purchases.purchase(principalOf(req), packageId));
  };
  const checkoutReturn: RequestHandler = async (req, res) => {
    const { purchaseId, sessionId } = validated<{ purchaseId: string; sessionId: string }>(req);
    res.json(await purchases.checkoutReturn(principalOf(req), purchaseId, sessionId));
  };
  const credits: RequestHandler = async (req, res) => {
    res.json(await purchases.credits(principalOf(req)));
  };
  const history: RequestHandler = async (req, res) => {
    res.json(await purchases.history(principalOf(req), pageOf(req)));
  };
  return { offers, purchase, checkoutReturn, credits, history };
}

/**
 * Session packages: `GET /api/coaches/:userId/packages` (public, `coachRouter`), buying one and
 * coming back from its checkout (`/api/packages`, `router`), and the caller's credits and
 * purchases (`/api/users/me/...`, `meRouter`).
 */
export function createPackageRouters(deps: {
  purchases: PackagePurchases;
  authenticated: RequestHandler;
  maybeAuthenticated: RequestHandler;
  rateLimits: RateLimits;
}) {
  const controller = createController(deps.purchases);
  const { authenticated } = deps;

  const coachRouter = Router();
  coachRouter.get(
    '/:userId/packages',
    deps.maybeAuthenticated,
    validate(userIdParam()),
    controller.offers,
  );

  const router = Router();
  router.post(
    '/:packageId/purchase',
    authenticated,
    // Clients buy; so may a coach, from another coach. Admins do not.
    requireRole('client', 'coach'),
    deps.rateLimits.http({
      name: 'package-purchases',
      limit: PURCHASE_LIMITS.perWindow,
      windowSeconds: PURCHASE_LIMITS.windowSeconds,
      key: (req) => req.principal?.userId,
    }),
    validate(packageIdParam()),
    controller.purchase,
  );
  router.post(
    '/purchases/:purchaseId/checkout-return',
    authenticated,
    validate(purchaseIdParam(), sessionIdBody()),
    controller.checkoutReturn,
  );

  const meRouter = Router();
  meRouter.get('/me/credits', authenticated, validate(), controller.credits);
  meRouter.get(
    '/me/package-purchases',
    authenticated,
    validate(...paginationQuery()),
    controller.history,
  );

  return { coachRouter, router, meRouter };
}
