import { DISCOUNT_KINDS, PRICE_LIMITS } from '@coachhub/shared/pricing';
import type { Currency, DiscountKind, PriceConfigurationDTO } from '@coachhub/shared/pricing';

import type { FieldProblem, FieldProblems } from '@/lib/field-problem';
import { parseMajorUnits, toMajorUnits } from '@/lib/money';
import { checkTextLength } from '@/lib/validation';

import type { AddDiscountInput } from '../../api/add-discount';
import type { AddPackageInput } from '../../api/add-package';
import type { UpdatePriceConfigInput } from '../../api/update-price-config';

const L = PRICE_LIMITS;

const wholeNumberIn = (text: string, min: number, max: number): FieldProblem | undefined => {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  return Number.isInteger(value) && value >= min && value <= max
    ? undefined
    : { key: 'validation.wholeNumber', values: { min, max } };
};

const amountIn = (
  text: string,
  currency: Currency,
  required: boolean,
): FieldProblem | undefined => {
  if (text.trim() === '') return required ? { key: 'validation.amountInvalid' } : undefined;
  const amount = parseMajorUnits(text, currency);
  if (amount === null) return { key: 'validation.amountInvalid' };
  return amount > L.maxAmount
    ? {
        key: 'practice.pricing.amountTooLarge',
        values: { max: toMajorUnits(L.maxAmount, currency) },
      }
    : undefined;
};

/** Amounts in major units as the coach types them ("80", "79.50"). */
export const majorText = (amount: number, currency: Currency): string =>
  String(toMajorUnits(amount, currency));

// ---- Currency and rates ----

export interface RatesValues {
  currency: Currency;
  baseHourlyRate: string;
  /** Per session type id; empty = priced from the hourly rate. */
  rates: Record<string, string>;
}

export const toRatesValues = (config: PriceConfigurationDTO): RatesValues => ({
  currency: config.currency,
  baseHourlyRate: majorText(config.baseHourlyRate, config.currency),
  rates: Object.fromEntries(
    config.sessionTypeRates.map(({ sessionTypeId, rate }) => [
      sessionTypeId,
      majorText(rate, config.currency),
    ]),
  ),
});

export const validateRates = (values: RatesValues): Partial<Record<string, FieldProblem>> => {
  const problems: Partial<Record<string, FieldProblem>> = {
    baseHourlyRate: amountIn(values.baseHourlyRate, values.currency, true),
  };
  for (const [sessionTypeId, text] of Object.entries(values.rates)) {
    problems[`rate:${sessionTypeId}`] = amountIn(text, values.currency, false);
  }
  return problems;
};

export const toRatesRequest = (values: RatesValues): UpdatePriceConfigInput => ({
  currency: values.currency,
  baseHourlyRate: parseMajorUnits(values.baseHourlyRate, values.currency) ?? 0,
  sessionTypeRates: Object.entries(values.rates).flatMap(([sessionTypeId, text]) => {
    const rate = text.trim() === '' ? null : parseMajorUnits(text, values.currency);
    return rate === null ? [] : [{ sessionTypeId, rate }];
  }),
});

// ---- Discounts ----

export interface DiscountValues {
  kind: DiscountKind;
  label: string;
  percent: string;
  minSessions: string;
  minDaysAhead: string;
  active: boolean;
}

export type DiscountField = Exclude<keyof DiscountValues, 'active'>;

export const EMPTY_DISCOUNT: DiscountValues = {
  kind: DISCOUNT_KINDS[0],
  label: '',
  percent: '10',
  minSessions: '5',
  minDaysAhead: '14',
  active: true,
};

export const validateDiscount = (values: DiscountValues): FieldProblems<DiscountField> => ({
  label:
    values.label.trim() === ''
      ? { key: 'validation.required' }
      : checkTextLength(values.label, L.labelMax),
  percent: wholeNumberIn(values.percent, 1, 100),
  minSessions:
    values.kind === 'volume' ? wholeNumberIn(values.minSessions, 1, L.maxMinSessions) : undefined,
  minDaysAhead:
    values.kind === 'early_booking'
      ? wholeNumberIn(values.minDaysAhead, 1, L.maxMinDaysAhead)
      : undefined,
});

export const toDiscountRequest = (values: DiscountValues): AddDiscountInput => {
  const common = {
    label: values.label.trim(),
    percent: Number(values.percent.trim()),
    active: values.active,
  };
  switch (values.kind) {
    case 'volume':
      return { ...common, kind: 'volume', minSessions: Number(values.minSessions.trim()) };
    case 'early_booking':
      return { ...common, kind: 'early_booking', minDaysAhead: Number(values.minDaysAhead.trim()) };
    default:
      return { ...common, kind: 'first_session' };
  }
};

// ---- Packages ----

export interface PackageValues {
  name: string;
  sessions: string;
  price: string;
  validityDays: string;
  active: boolean;
}

export type PackageField = Exclude<keyof PackageValues, 'active'>;

export const EMPTY_PACKAGE: PackageValues = {
  name: '',
  sessions: '5',
  price: '',
  validityDays: '180',
  active: true,
};

export const validatePackage =
  (currency: Currency) =>
  (values: PackageValues): FieldProblems<PackageField> => ({
    name:
      values.name.trim() === ''
        ? { key: 'validation.required' }
        : checkTextLength(values.name, L.labelMax),
    sessions: wholeNumberIn(values.sessions, 1, L.maxPackageSessions),
    price: amountIn(values.price, currency, true),
    validityDays: wholeNumberIn(values.validityDays, 1, L.maxValidityDays),
  });

export const toPackageRequest = (values: PackageValues, currency: Currency): AddPackageInput => ({
  name: values.name.trim(),
  sessions: Number(values.sessions.trim()),
  price: parseMajorUnits(values.price, currency) ?? 0,
  validityDays: Number(values.validityDays.trim()),
  active: values.active,
});
