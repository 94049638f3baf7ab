import type { QuoteRequest } from '@coachhub/shared/booking';
import {
  CURRENCIES,
  DISCOUNT_KINDS,
  PRICE_LIMITS,
  type Currency,
  type DiscountKind,
} from '@coachhub/shared/pricing';
import { body, param, type Meta } from 'express-validator';
import { holderOf, nestedBody, siblingOf } from '../../../core/validation.js';
import {
  idField,
  instantField,
  isBoolean,
  isOneOf,
  isPlainObject,
  isWholeNumber,
  trimmedText,
} from '../../../core/validation-fields.js';

const L = PRICE_LIMITS;

/** A discount as the body gives it; `_id` only in a PUT or PATCH, to keep an existing one. */
export interface DiscountInput {
  _id?: string;
  kind: DiscountKind;
  label: string;
  active: boolean;
  percent: number;
  minSessions: number | null;
  minDaysAhead: number | null;
}

export interface PackageInput {
  _id?: string;
  name: string;
  sessions: number;
  price: number;
  validityDays: number;
  active: boolean;
  /** Absent or empty: every session type of the coach. */
  sessionTypeIds?: string[];
}

export interface RateInput {
  sessionTypeId: string;
  rate: number;
}

export interface PriceValuesInput {
  currency: Currency;
  baseHourlyRate: number;
  sessionTypeRates: RateInput[];
  discounts: DiscountInput[];
  packages: PackageInput[];
}

const VALUE_KEYS = [
  'currency',
  'baseHourlyRate',
  'sessionTypeRates',
  'discounts',
  'packages',
] as const satisfies readonly (keyof PriceValuesInput)[];

/** `discounts.*` + `percent` -> `discounts.*.percent`; a POSTed item is the body itself (''). */
const at = (item: string, key: string) => (item ? `${item}.${key}` : key);

const wholeNumber = (field: string, min: number, max: number) =>
  body(field)
    .custom(isWholeNumber(min, max))
    .withMessage(`Must be a whole number from ${min} to ${max}`);

/**
 * Fills in a field an item leaves out. Only inside an object: written into a malformed item
 * (`packages: [5]`), the value would turn it into an object and hide what is wrong with it.
 */
const fillIn = (fill: (value: unknown, meta: Meta) => unknown) => (value: unknown, meta: Meta) =>
  isPlainObject(holderOf(meta)) ? fill(value, meta) : value;

/** Left out, a discount or package is active. */
const activeField = (field: string) =>
  body(field)
    .customSanitizer(fillIn((value) => (value === undefined ? true : value)))
    .custom(isBoolean)
    .withMessage('Must be true or false');

/** An item in a list may name its `_id` to be kept; a POSTed one is always new. */
const keptId = (item: string) => (item ? [idField(at(item, '_id')).optional()] : []);

/** `minSessions` or `minDaysAhead`: required by its own kind of discount, null for the others. */
const thresholdField = (item: string, key: string, kind: DiscountKind, max: number) =>
  body(at(item, key))
    .custom((value: unknown, meta) => {
      const ownKind = siblingOf(meta, 'kind') === kind;
      if (ownKind && !isWholeNumber(1, max)(value)) {
        throw new Error(`Must be a whole number from 1 to ${max}`);
      }
      if (!ownKind && value !== undefined) throw new Error(`Only ${kind} discounts have ${key}`);
      return true;
    })
    .customSanitizer(fillIn((value, meta) => (siblingOf(meta, 'kind') === kind ? value : null)));

const discountFields = (item: string) => [
  ...keptId(item),
  body(at(item, 'kind'))
    .custom(isOneOf(DISCOUNT_KINDS))
    .withMessage(`Must be one of ${DISCOUNT_KINDS.join(', ')}`),
  trimmedText(body(at(item, 'label')), 1, L.labelMax),
  activeField(at(item, 'active')),
  wholeNumber(at(item, 'percent'), 1, 100),
  thresholdField(item, 'minSessions', 'volume', L.maxMinSessions),
  thresholdField(item, 'minDaysAhead', 'early_booking', L.maxMinDaysAhead),
];

const packageFields = (item: string) => [
  ...keptId(item),
  trimmedText(body(at(item, 'name')), 1, L.labelMax),
  wholeNumber(at(item, 'sessions'), 1, L.maxPackageSessions),
  wholeNumber(at(item, 'price'), 0, L.maxAmount),
  wholeNumber(at(item, 'validityDays'), 1, L.maxValidityDays),
  activeField(at(item, 'active')),
  body(at(item, 'sessionTypeIds'))
    .optional()
    .custom(Array.isArray)
    .withMessage('Must be a list of session type ids')
    .bail()
    .isArray({ max: L.maxPackageSessionTypes })
    .withMessage(`At most ${L.maxPackageSessionTypes} session types`),
  idField(at(item, 'sessionTypeIds.*'), 'Must be a session type id'),
];

/** One rate per session type: an entry naming a type an earlier entry named is refused. */
function isFirstRateFor(sessionTypeId: string, { req, pathValues }: Meta): boolean {
  const rates: unknown = (req.body as { sessionTypeRates?: unknown }).sessionTypeRates;
  if (!Array.isArray(rates)) return true;
  return !rates
    .slice(0, Number(pathValues[0]))
    .some((rate) => isPlainObject(rate) && rate.sessionTypeId === sessionTypeId);
}

const rateFields = () => [
  idField('sessionTypeRates.*.sessionTypeId')
    .custom(isFirstRateFor)
    .withMessage('This session type already has a rate'),
  wholeNumber('sessionTypeRates.*.rate', 0, L.maxAmount),
];

const wholeBody = () => body().custom(isPlainObject).withMessage('Must be an object').bail();

/** PUT: every value is required; PATCH: each may be left out, but one must be there. */
function priceValues(mode: 'replace' | 'patch') {
  const value = (field: string) =>
    mode === 'replace'
      ? body(field).exists().withMessage('Required').bail()
      : body(field).optional();
  const list = (field: string, max: number) => [
    value(field)
      .custom(Array.isArray)
      .withMessage('Must be a list')
      .bail()
      .isArray({ max })
      .withMessage(`At most ${max} entries`),
    body(`${field}.*`).custom(isPlainObject).withMessage('Must be an object'),
  ];
  return nestedBody(
    [
      value('currency')
        .custom(isOneOf(CURRENCIES))
        .withMessage(`Must be one of ${CURRENCIES.join(', ')}`),
      value('baseHourlyRate')
        .custom(isWholeNumber(0, L.maxAmount))
        .withMessage(`Must be a whole number from 0 to ${L.maxAmount}`),
      ...rateFields(),
      ...discountFields('discounts.*'),
      ...packageFields('packages.*'),
    ],
    [
      mode === 'replace'
        ? wholeBody()
        : wholeBody()
            .custom((values: Record<string, unknown>) =>
              VALUE_KEYS.some((key) => values[key] !== undefined),
            )
            .withMessage(`Change at least one of ${VALUE_KEYS.join(', ')}`),
      ...list('sessionTypeRates', L.maxSessionTypeRates),
      ...list('discounts', L.maxDiscounts),
      ...list('packages', L.maxPackages),
    ],
  );
}

/** `PUT /api/prices/config/:userId`: every value. */
export const replaceValuesBody = () => priceValues('replace');

/** `PATCH /api/prices/config/:userId`: at least one value. */
export const patchValuesBody = () => priceValues('patch');

/** `POST .../discounts` */
export const newDiscountBody = () => nestedBody(discountFields(''), [wholeBody()]);

/** `POST .../packages` */
export const newPackageBody = () => nestedBody(packageFields(''), [wholeBody()]);

export const itemIdParam = (name: 'discountId' | 'packageId') =>
  param(name).isMongoId().withMessage('Must be an id');

/** What `quoteBody` hands on: the API's quote request with `start` parsed. */
export type QuoteInput = Omit<QuoteRequest, 'start'> & { start: Date };

/** `POST /api/prices/quote`; `start` becomes a Date. */
export const quoteBody = () => [
  idField('coachId', 'Must be a coach user id'),
  idField('sessionTypeId', 'Must be a session type id'),
  instantField('start'),
];
