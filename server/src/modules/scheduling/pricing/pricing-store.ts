import { DEFAULT_PRICE_VALUES } from '@coachhub/shared/pricing';
import type { ClientSession } from 'mongoose';
import { isDuplicateKeyError } from '../../../core/db/duplicate-key.js';
import { priceFrom, type PricingRules } from '../../../domain/pricing.js';
import { setCoachPriceFrom } from '../../coaches/coach-records.js';
import { activeSessionTypesOf } from '../session-types/session-type-lookup.js';
import { DEFAULT_PRICING_RULES, toPricingRules } from './price-configuration.mapper.js';
import { PriceConfiguration, type PriceConfigurationRecord } from './price-configuration.model.js';

/** The fields a new configuration starts with (domain.md "Pricing": `DEFAULT_PRICE_VALUES`). */
export function defaultConfiguration(now: Date) {
  return {
    currency: DEFAULT_PRICE_VALUES.currency,
    baseHourlyRate: DEFAULT_PRICE_VALUES.baseHourlyRate,
    sessionTypeRates: [],
    discounts: [],
    packages: [],
    metadata: { version: 1, lastCalculation: now },
  };
}

/**
 * The coach's configuration, created with the defaults when missing: one atomic upsert with
 * `$setOnInsert`, so concurrent first reads create exactly one. Outside a transaction the loser
 * of such a race meets the unique index and simply reads the winner's document.
 */
export async function ensurePriceConfiguration(
  coachId: string,
  session?: ClientSession,
): Promise<PriceConfigurationRecord> {
  const upsert = () =>
    PriceConfiguration.findOneAndUpdate(
      { coach: coachId },
      { $setOnInsert: { coach: coachId, ...defaultConfiguration(new Date()) } },
      { upsert: true, returnDocument: 'after', ...(session ? { session } : {}) },
    ).lean<PriceConfigurationRecord>();
  try {
    const config = await upsert();
    if (config) return config;
  } catch (error) {
    if (session || !isDuplicateKeyError(error)) throw error;
  }
  const config = await PriceConfiguration.findOne({ coach: coachId }).lean();
  if (!config) throw new Error(`No price configuration for ${coachId} after upsert`);
  return config;
}

/** The rules prices are computed with; the defaults when the coach has no configuration yet. */
export async function loadPricingRules(
  coachId: string,
  session?: ClientSession,
): Promise<PricingRules> {
  const config = await PriceConfiguration.findOne({ coach: coachId })
    .session(session ?? null)
    .lean();
  return config ? toPricingRules(config) : DEFAULT_PRICING_RULES;
}

/**
 * Recomputes the coach's `priceFrom` (the directory's price filter and sort) from the price
 * configuration and the active session types; null while the coach offers none. Call it in
 * the transaction of every pricing or session-type change.
 */
export async function refreshPriceFrom(coachId: string, session: ClientSession): Promise<void> {
  // One operation at a time: a transaction's session must not run two at once.
  const rules = await loadPricingRules(coachId, session);
  const sessionTypes = await activeSessionTypesOf(coachId, session);
  const amount = priceFrom(
    rules,
    sessionTypes.map((type) => ({
      _id: type._id.toString(),
      durationMinutes: type.durationMinutes,
      title: type.title,
      active: type.active,
    })),
  );
  await setCoachPriceFrom(
    coachId,
    amount === null ? null : { amount, currency: rules.currency },
    session,
  );
}
