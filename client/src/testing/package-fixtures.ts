import type { PackagePurchaseDTO } from '@coachhub/shared/payment';

/** Ada's purchase of Lena's five pack, active and untouched unless a test says otherwise. */
export const makePurchase = (overrides: Partial<PackagePurchaseDTO> = {}): PackagePurchaseDTO => ({
  _id: 'purchase-1',
  packageId: 'p1',
  coachId: 'coach-2',
  clientId: 'user-1',
  packageName: 'Five pack',
  sessions: 5,
  price: 40000,
  currency: 'EUR',
  validityDays: 90,
  sessionTypeIds: [],
  status: 'active',
  method: 'manual',
  expiresAt: '2027-03-01T12:00:00.000Z',
  remaining: 5,
  createdAt: '2026-12-01T12:00:00.000Z',
  ...overrides,
});
