import type { CoachPackageOffer } from '@coachhub/shared/payment';
import { isValidObjectId } from 'mongoose';
import type { PriceConfigurationRecord, StoredPackage } from './price-configuration.model.js';
import { PriceConfiguration } from './price-configuration.model.js';

function toOffer(config: PriceConfigurationRecord, item: StoredPackage): CoachPackageOffer {
  return {
    packageId: item._id.toString(),
    coachId: config.coach.toString(),
    name: item.name,
    sessions: item.sessions,
    price: item.price,
    currency: config.currency,
    validityDays: item.validityDays,
    sessionTypeIds: (item.sessionTypeIds ?? []).map((id) => id.toString()),
  };
}

/**
 * The pricing module's published reads of packages, for the payments module (which sells them).
 * The coach's active packages, in the configuration's currency (none without a configuration).
 */
export async function activePackageOffers(coachId: string): Promise<CoachPackageOffer[]> {
  const config = await PriceConfiguration.findOne({ coach: coachId }).lean();
  if (!config) return [];
  return config.packages.filter((item) => item.active).map((item) => toOffer(config, item));
}

/** One active package by its id, as it is offered now; null when unknown or inactive. */
export async function findActivePackageOffer(packageId: string): Promise<CoachPackageOffer | null> {
  if (!isValidObjectId(packageId)) return null;
  const config = await PriceConfiguration.findOne({
    packages: { $elemMatch: { _id: packageId, active: true } },
  }).lean();
  const item = config?.packages.find((p) => p._id.toString() === packageId && p.active);
  return config && item ? toOffer(config, item) : null;
}
