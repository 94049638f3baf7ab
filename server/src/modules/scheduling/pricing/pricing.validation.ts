import {
  CURRENCIES,
  DISCOUNT_KINDS,
  PRICE_LIMITS,
  type Currency,
  type DiscountKind,
} from '@coachhub/shared/pricing';
import { body, checkExact, param } from 'express-validator';
import {
  booleanAt,
  isPlainObject,
  listAt,
  objectAt,
  objectIdAt,
  oneOfAt,
  textAt,
  wholeNumberAt,
  type BodyIssues,
} from '../../../core/body-checks.js';
import { isInstant } from '../../../domain/instant.js';

const L = PRICE_LIMITS;

/** `discounts[2]` + `percent` -> `discounts[2].percent`; a top-level body has no prefix. */
const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** A discount as the body gives it; `_id` only in a PUT, to keep an existing one. */
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

const THRESHOLD: Record<DiscountKind, 'minSessions' | 'minDaysAhead' | null> = {
  first_session: null,
  volume: 'minSessions',
  early_booking: 'minDaysAhead',
};

const optionalActive = (value: unknown, path: string, issues: BodyIssues) =>
  value === undefined ? true : booleanAt(value, path, issues);

function parseDiscount(
  value: unknown,
  path: string,
  issues: BodyIssues,
  allowId: boolean,
): DiscountInput | undefined {
  if (!isPlainObject(value)) return issues.add(path || 'body', 'Must be an object');
  const kind = oneOfAt(value.kind, at(path, 'kind'), DISCOUNT_KINDS, issues);
  if (kind === undefined) return undefined;
  const threshold = THRESHOLD[kind];
  const keys = [
    'kind',
    'label',
    'active',
    'percent',
    ...(threshold ? [threshold] : []),
    ...(allowId ? ['_id'] : []),
  ];
  const item = objectAt(value, path, keys, issues);
  if (!item) return undefined;
  const id = item._id === undefined ? undefined : objectIdAt(item._id, at(path, '_id'), issues);
  const label = textAt(item.label, at(path, 'label'), 1, L.labelMax, issues);
  const active = optionalActive(item.active, at(path, 'active'), issues);
  const percent = wholeNumberAt(item.percent, at(path, 'percent'), 1, 100, issues);
  const minSessions =
    threshold === 'minSessions'
      ? wholeNumberAt(item.minSessions, at(path, 'minSessions'), 1, L.maxMinSessions, issues)
      : null;
  const minDaysAhead =
    threshold === 'minDaysAhead'
      ? wholeNumberAt(item.minDaysAhead, at(path, 'minDaysAhead'), 1, L.maxMinDaysAhead, issues)
      : null;
  if (
    label === undefined ||
    active === undefined ||
    percent === undefined ||
    minSessions === undefined ||
    minDaysAhead === undefined
  ) {
    return undefined;
  }
  return { ...(id ? { _id: id } : {}), kind, label, active, percent, minSessions, minDaysAhead };
}

function parsePackage(
  value: unknown,
  path: string,
  issues: BodyIssues,
  allowId: boolean,
): PackageInput | undefined {
  const keys = ['name', 'sessions', 'price', 'validityDays', 'active', ...(allowId ? ['_id'] : [])];
  const item = objectAt(value, path, keys, issues);
  if (!item) return undefined;
  const id = item._id === undefined ? undefined : objectIdAt(item._id, at(path, '_id'), issues);
  const name = textAt(item.name, at(path, 'name'), 1, L.labelMax, issues);
  const sessions = wholeNumberAt(
    item.sessions,
    at(path, 'sessions'),
    1,
    L.maxPackageSessions,
    issues,
  );
  const price = wholeNumberAt(item.price, at(path, 'price'), 0, L.maxAmount, issues);
  const validityDays = wholeNumberAt(
    item.validityDays,
    at(path, 'validityDays'),
    1,
    L.maxValidityDays,
    issues,
  );
  const active = optionalActive(item.active, at(path, 'active'), issues);
  if (
    name === undefined ||
    sessions === undefined ||
    price === undefined ||
    validityDays === undefined ||
    active === undefined
  ) {
    return undefined;
  }
  return { ...(id ? { _id: id } : {}), name, sessions, price, validityDays, active };
}

function parseRates(value: unknown, issues: BodyIssues): RateInput[] | undefined {
  const list = listAt(value, 'sessionTypeRates', L.maxSessionTypeRates, issues);
  if (!list) return undefined;
  const seen = new Set<string>();
  const rates = list.map((entry, index) => {
    const path = `sessionTypeRates[${index}]`;
    const item = objectAt(entry, path, ['sessionTypeId', 'rate'], issues);
    if (!item) return undefined;
    const sessionTypeId = objectIdAt(item.sessionTypeId, at(path, 'sessionTypeId'), issues);
    const rate = wholeNumberAt(item.rate, at(path, 'rate'), 0, L.maxAmount, issues);
    if (sessionTypeId !== undefined && seen.has(sessionTypeId)) {
      issues.add(at(path, 'sessionTypeId'), 'This session type already has a rate');
    }
    if (sessionTypeId !== undefined) seen.add(sessionTypeId);
    return sessionTypeId === undefined || rate === undefined ? undefined : { sessionTypeId, rate };
  });
  return rates.every((rate) => rate !== undefined) ? rates : undefined;
}

function parseList<T>(
  value: unknown,
  field: string,
  max: number,
  issues: BodyIssues,
  item: (entry: unknown, path: string) => T | undefined,
): T[] | undefined {
  const list = listAt(value, field, max, issues);
  if (!list) return undefined;
  const items = list.map((entry, index) => item(entry, `${field}[${index}]`));
  return items.every((entry) => entry !== undefined) ? (items as T[]) : undefined;
}

/** Reads whichever value keys are present; `required` makes every key mandatory. */
function parseValues(
  body: unknown,
  issues: BodyIssues,
  required: boolean,
): Partial<PriceValuesInput> | undefined {
  const root = objectAt(body, '', VALUE_KEYS, issues);
  if (!root) return undefined;
  const present = VALUE_KEYS.filter((key) => root[key] !== undefined);
  if (required) {
    for (const key of VALUE_KEYS) if (!present.includes(key)) issues.add(key, 'Required');
  } else if (present.length === 0) {
    issues.add('body', `Change at least one of ${VALUE_KEYS.join(', ')}`);
  }
  const values: Partial<PriceValuesInput> = {};
  const has = (key: (typeof VALUE_KEYS)[number]) => present.includes(key);
  if (has('currency')) values.currency = oneOfAt(root.currency, 'currency', CURRENCIES, issues);
  if (has('baseHourlyRate')) {
    values.baseHourlyRate = wholeNumberAt(
      root.baseHourlyRate,
      'baseHourlyRate',
      0,
      L.maxAmount,
      issues,
    );
  }
  if (has('sessionTypeRates')) values.sessionTypeRates = parseRates(root.sessionTypeRates, issues);
  if (has('discounts')) {
    values.discounts = parseList(root.discounts, 'discounts', L.maxDiscounts, issues, (v, p) =>
      parseDiscount(v, p, issues, true),
    );
  }
  if (has('packages')) {
    values.packages = parseList(root.packages, 'packages', L.maxPackages, issues, (v, p) =>
      parsePackage(v, p, issues, true),
    );
  }
  return issues.empty ? values : undefined;
}

/** `PUT /api/prices/config/:userId`: every value. */
export const parseReplaceValues = (body: unknown, issues: BodyIssues) =>
  parseValues(body, issues, true) as PriceValuesInput | undefined;

/** `PATCH /api/prices/config/:userId`: at least one value. */
export const parsePatchValues = (body: unknown, issues: BodyIssues) =>
  parseValues(body, issues, false);

/** `POST .../discounts` */
export const parseNewDiscount = (body: unknown, issues: BodyIssues) =>
  parseDiscount(body, '', issues, false);

/** `POST .../packages` */
export const parseNewPackage = (body: unknown, issues: BodyIssues) =>
  parsePackage(body, '', issues, false);

export const itemIdParam = (name: 'discountId' | 'packageId') =>
  param(name).isMongoId().withMessage('Must be an id');

/** `POST /api/prices/quote` */
export const quoteBody = () =>
  checkExact(
    [
      body('coachId').isMongoId().withMessage('Must be a coach user id'),
      body('sessionTypeId').isMongoId().withMessage('Must be a session type id'),
      body('start')
        .custom((value) => isInstant(value))
        .withMessage('Must be an ISO 8601 instant with a zone, e.g. 2026-03-30T07:00:00Z'),
    ],
    { locations: ['body'], message: 'Unknown field' },
  );
