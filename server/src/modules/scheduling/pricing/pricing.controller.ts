import type { RequestHandler } from 'express';
import { callerOf, principalOf } from '../../../core/auth/auth.middleware.js';
import { validated } from '../../../core/validation.js';
import type { PricingService } from './pricing.service.js';
import type {
  DiscountInput,
  PackageInput,
  PriceValuesInput,
  QuoteInput,
} from './pricing.validation.js';

/** The coach in the URL and the checked body beside it. */
type ForCoach<T> = T & { userId: string };

export function createPricingController(pricing: PricingService) {
  const getConfig: RequestHandler = async (req, res) => {
    const { userId } = validated<{ userId: string }>(req);
    res.json(await pricing.getConfig(userId, callerOf(req)));
  };

  const replace: RequestHandler = async (req, res) => {
    const { userId, ...values } = validated<ForCoach<PriceValuesInput>>(req);
    res.json(await pricing.replace(userId, principalOf(req), values));
  };

  const patch: RequestHandler = async (req, res) => {
    const { userId, ...values } = validated<ForCoach<Partial<PriceValuesInput>>>(req);
    res.json(await pricing.patch(userId, principalOf(req), values));
  };

  const addDiscount: RequestHandler = async (req, res) => {
    const { userId, ...discount } = validated<ForCoach<DiscountInput>>(req);
    res.status(201).json(await pricing.addDiscount(userId, principalOf(req), discount));
  };

  const removeDiscount: RequestHandler = async (req, res) => {
    const { userId, discountId } = validated<{ userId: string; discountId: string }>(req);
    res.json(await pricing.removeDiscount(userId, principalOf(req), discountId));
  };

  const addPackage: RequestHandler = async (req, res) => {
    const { userId, ...item } = validated<ForCoach<PackageInput>>(req);
    res.status(201).json(await pricing.addPackage(userId, principalOf(req), item));
  };

  const removePackage: RequestHandler = async (req, res) => {
    const { userId, packageId } = validated<{ userId: string; packageId: string }>(req);
    res.json(await pricing.removePackage(userId, principalOf(req), packageId));
  };

  const quote: RequestHandler = async (req, res) => {
    res.json(await pricing.quote(callerOf(req), validated<QuoteInput>(req)));
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
