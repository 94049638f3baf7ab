import type { QuoteRequest } from '@coachhub/shared/booking';
import type { RequestHandler } from 'express';
import { callerOf, principalOf } from '../../../core/auth/auth.middleware.js';
import { parsedBody } from '../../../core/body-checks.js';
import { validated } from '../../../core/validation.js';
import type { PricingService } from './pricing.service.js';
import type { DiscountInput, PackageInput, PriceValuesInput } from './pricing.validation.js';

export function createPricingController(pricing: PricingService) {
  const coachOf = (req: Parameters<RequestHandler>[0]) => validated<{ userId: string }>(req).userId;

  const getConfig: RequestHandler = async (req, res) => {
    res.json(await pricing.getConfig(coachOf(req), callerOf(req)));
  };

  const replace: RequestHandler = async (req, res) => {
    const values = parsedBody<PriceValuesInput>(res);
    res.json(await pricing.replace(coachOf(req), principalOf(req), values));
  };

  const patch: RequestHandler = async (req, res) => {
    const values = parsedBody<Partial<PriceValuesInput>>(res);
    res.json(await pricing.patch(coachOf(req), principalOf(req), values));
  };

  const addDiscount: RequestHandler = async (req, res) => {
    const discount = parsedBody<DiscountInput>(res);
    res.status(201).json(await pricing.addDiscount(coachOf(req), principalOf(req), discount));
  };

  const removeDiscount: RequestHandler = async (req, res) => {
    const { userId, discountId } = validated<{ userId: string; discountId: string }>(req);
    res.json(await pricing.removeDiscount(userId, principalOf(req), discountId));
  };

  const addPackage: RequestHandler = async (req, res) => {
    const item = parsedBody<PackageInput>(res);
    res.status(201).json(await pricing.addPackage(coachOf(req), principalOf(req), item));
  };

  const removePackage: RequestHandler = async (req, res) => {
    const { userId, packageId } = validated<{ userId: string; packageId: string }>(req);
    res.json(await pricing.removePackage(userId, principalOf(req), packageId));
  };

  const quote: RequestHandler = async (req, res) => {
    res.json(await pricing.quote(callerOf(req), validated<QuoteRequest>(req)));
  };

  return {
    getConfig,
    replace,
    patch,
    addDiscount,
    removeDiscount,
    addPackage,
    removePackage,
    quote,
  };
}
