import {
  DEFAULT_PRICE_VALUES,
  type Discount,
  type PriceConfigurationDTO,
  type SessionPackage,
} from '@coachhub/shared/pricing';
import type { PricingRules } from '../../../domain/pricing.js';
import type {
  PriceConfigurationRecord,
  StoredDiscount,
  StoredPackage,
  StoredPriceValues,
} from './price-configuration.model.js';

export function toDiscount(stored: StoredDiscount): Discount {
  const base = {
    _id: stored._id.toString(),
    label: stored.label,
    active: stored.active,
    percent: stored.percent,
  };
  switch (stored.kind) {
    case 'first_session':
      return { ...base, kind: 'first_session' };
    case 'volume':
      return { ...base, kind: 'volume', minSessions: stored.minSessions ?? 0 };
    case 'early_booking':
      return { ...base, kind: 'early_booking', minDaysAhead: stored.minDaysAhead ?? 0 };
  }
}

export function toSessionPackage(stored: StoredPackage): SessionPackage {
  return {
    _id: stored._id.toString(),
    name: stored.name,
    sessions: stored.sessions,
    price: stored.price,
    validityDays: stored.validityDays,
    active: stored.active,
    // Left out when empty (every session type), as packages made before the list existed read.
    ...(stored.sessionTypeIds?.length
      ? { sessionTypeIds: stored.sessionTypeIds.map((id) => id.toString()) }
      : {}),
  };
}

/** What the pure pricing rules (domain/pricing.ts) read of stored values. */
export function toPricingRules(values: StoredPriceValues): PricingRules {
  return {
    currency: values.currency,
    baseHourlyRate: values.baseHourlyRate,
    sessionTypeRates: values.sessionTypeRates.map((rate) => ({
      sessionTypeId: rate.sessionTypeId.toString(),
      rate: rate.rate,
    })),
    discounts: values.discounts.map(toDiscount),
  };
}

/** The rules of a coach who has no configuration yet: the defaults it would be created with. */
export const DEFAULT_PRICING_RULES: PricingRules = {
  currency: DEFAULT_PRICE_VALUES.currency,
  baseHourlyRate: DEFAULT_PRICE_VALUES.baseHourlyRate,
  sessionTypeRates: [],
  discounts: [],
};

export function toPriceConfigurationDTO(record: PriceConfigurationRecord): PriceConfigurationDTO {
  const rules = toPricingRules(record);
  return {
    coachId: record.coach.toString(),
    currency: rules.currency,
    baseHourlyRate: rules.baseHourlyRate,
    sessionTypeRates: rules.sessionTypeRates,
    discounts: rules.discounts,
    packages: record.packages.map(toSessionPackage),
    metadata: {
      version: record.metadata.version,
      lastCalculation: record.metadata.lastCalculation.toISOString(),
    },
  };
}
