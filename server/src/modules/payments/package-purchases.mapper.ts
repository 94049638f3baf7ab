import type { CreditBalance, PackagePurchaseDTO } from '@coachhub/shared/payment';
import { purchaseStatusAt } from '../../domain/package-credits.js';
import type { PackagePurchaseRecord } from './package-purchase.model.js';

/** The one PackagePurchaseDTO builder: an active purchase past `expiresAt` reads `expired`. */
export function toPurchaseDTO(purchase: PackagePurchaseRecord, now: Date): PackagePurchaseDTO {
  return {
    _id: purchase._id.toString(),
    packageId: purchase.packageId.toString(),
    coachId: purchase.coach.toString(),
    clientId: purchase.client.toString(),
    packageName: purchase.packageName,
    sessions: purchase.sessions,
    price: purchase.price,
    currency: purchase.currency,
    validityDays: purchase.validityDays,
    sessionTypeIds: purchase.sessionTypeIds.map((id) => id.toString()),
    status: purchaseStatusAt(purchase, now),
    method: purchase.method,
    ...(purchase.expiresAt ? { expiresAt: purchase.expiresAt.toISOString() } : {}),
    remaining: purchase.remaining,
    createdAt: purchase.createdAt.toISOString(),
  };
}

/** A purchase with credits left, as the caller's balance lists it. */
export function toCreditBalance(purchase: PackagePurchaseRecord): CreditBalance {
  return {
    coachId: purchase.coach.toString(),
    packageId: purchase.packageId.toString(),
    remaining: purchase.remaining,
    expiresAt: (purchase.expiresAt ?? new Date(0)).toISOString(),
    purchaseId: purchase._id.toString(),
    packageName: purchase.packageName,
    sessions: purchase.sessions,
    sessionTypeIds: purchase.sessionTypeIds.map((id) => id.toString()),
  };
}
