/** The words for each kind of price item, so its list and its form need only the kind. */
export const PRICE_ITEM_TEXTS = {
  discount: {
    listLabel: 'practice.pricing.discountsHeading',
    empty: 'practice.pricing.noDiscounts',
    formLabel: 'practice.pricing.newDiscount',
    add: 'practice.pricing.addDiscount',
    added: 'practice.pricing.discountAdded',
  },
  package: {
    listLabel: 'practice.pricing.packagesHeading',
    empty: 'practice.pricing.noPackages',
    formLabel: 'practice.pricing.newPackage',
    add: 'practice.pricing.addPackage',
    added: 'practice.pricing.packageAdded',
  },
} as const;

export type PriceItemKind = keyof typeof PRICE_ITEM_TEXTS;
