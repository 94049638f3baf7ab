import type { ClientSession } from 'mongoose';
import { AppError } from '../../../core/errors.js';
import { applyConfigChange } from '../../../domain/pricing.js';
import {
  PriceConfiguration,
  type PriceConfigurationRecord,
  type StoredPriceValues,
} from './price-configuration.model.js';
import { ensurePriceConfiguration, refreshPriceFrom } from './pricing-store.js';

/** Turns the current values into the next ones; throws AppError for a refused change. */
export type PriceChange = (current: StoredPriceValues) => StoredPriceValues;

/**
 * Applies one change to a coach's configuration inside the caller's transaction: the values,
 * the next `metadata` (version + 1, `lastCalculation` now: `applyConfigChange`) and the coach's
 * `priceFrom`. The write is conditional on the version it read, so a change never silently
 * overwrites another.
 */
export async function applyPriceChange(
  coachId: string,
  session: ClientSession,
  change: PriceChange,
  now = new Date(),
): Promise<PriceConfigurationRecord> {
  const current = await ensurePriceConfiguration(coachId, session);
  const values = change({
    currency: current.currency,
    baseHourlyRate: current.baseHourlyRate,
    sessionTypeRates: current.sessionTypeRates,
    discounts: current.discounts,
    packages: current.packages,
  });
  const { metadata } = applyConfigChange({ metadata: current.metadata }, now);
  const updated = await PriceConfiguration.findOneAndUpdate(
    { _id: current._id, 'metadata.version': current.metadata.version },
    {
      $set: {
        currency: values.currency,
        baseHourlyRate: values.baseHourlyRate,
        sessionTypeRates: values.sessionTypeRates,
        discounts: values.discounts,
        packages: values.packages,
        metadata,
      },
    },
    { session, returnDocument: 'after', runValidators: true },
  ).lean();
  if (!updated) {
    throw new AppError(409, 'CONFLICT', 'The price configuration changed meanwhile; try again');
  }
  await refreshPriceFrom(coachId, session);
  return updated;
}
