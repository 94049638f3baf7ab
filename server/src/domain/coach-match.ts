import { COACH_MATCH_WEIGHTS, type CoachMatchFactors } from '@coachhub/shared/coach';
import { convertMinorUnits, isKnownCurrency } from '@coachhub/shared/currency-rates';
import type { WeeklyInterval } from '@coachhub/shared/scheduling';

/**
 * Coach matching: how well one coach fits what a client asked for, as an explainable score.
 * Pure: the service loads candidates and hands them in; nothing here reads a database or a clock.
 *
 * Each factor is a fraction in [0, 1] times its weight; the weights add up to 100, so the score
 * is 0-100 and the factors returned are each factor's contribution to it.
 */

export interface MatchCandidate {
  specialties: readonly string[];
  languages: readonly string[];
  /** Cheapest session, minor units; null while the coach's pricing is unknown. */
  priceFrom: { amount: number; currency: string } | null;
  rating: { average: number; count: number };
  /** Days from now to the coach's first free slot; null when none is free soon or unknown. */
  firstSlotInDays?: number | null;
  /**
   * With preferred times: the share (0-1) of the coach's free slots within the availability
   * horizon that fall into them (`shareInPreferredTimes`); null or absent when unknown.
   */
  preferredShare?: number | null;
}

export interface MatchCriteria {
  /** The client's goals; at least one. */
  specialties: readonly string[];
  /** Any of these will do; empty or absent means no preference. */
  languages?: readonly string[];
  /** Most the client wants to pay per session, minor units. */
  budget?: { max: number; currency: string };
  /** When the client would like to meet; empty or absent means any time. */
  preferredTimes?: readonly WeeklyInterval[];
}

export type MatchFactors = CoachMatchFactors;

export interface MatchScore {
  score: number;
  factors: MatchFactors;
}

/**
 * The weights live in the contract so the client explains a match with the same numbers. A coach
 * who cannot talk with the client is of little use, so language weighs heavily.
 */
export const MATCH_WEIGHTS: Readonly<MatchFactors> = COACH_MATCH_WEIGHTS;

/**
 * The rating is shrunk towards `mean` as if every coach also had `weight` reviews of `mean`
 * stars, so one 5-star review does not outrank fifty reviews averaging 4.8.
 */
export const RATING_PRIOR = { mean: 3.5, weight: 10 } as const;

/** Over budget by this share of it or more, the budget factor reaches 0. */
const BUDGET_TOLERANCE = 0.5;
/** When the price cannot be compared (unknown, or a currency without a rate), the coach is neither helped nor hurt much. */
const UNKNOWN_PRICE = 0.5;

const round2 = (value: number): number => Math.round(value * 100) / 100;
const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

export function bayesianRating(
  rating: { average: number; count: number },
  prior: { mean: number; weight: number } = RATING_PRIOR,
): number {
  const count = Math.max(0, rating.count);
  return (prior.mean * prior.weight + rating.average * count) / (prior.weight + count);
}

/** Share of the client's goals this coach covers. */
export function specialtyFit(candidate: MatchCandidate, criteria: MatchCriteria): number {
  const wanted = new Set(criteria.specialties);
  if (wanted.size === 0) return 0;
  const offered = new Set(candidate.specialties);
  return [...wanted].filter((specialty) => offered.has(specialty)).length / wanted.size;
}

/** 1 when the coach speaks any of the requested languages (or none was requested), else 0. */
export function languageFit(candidate: MatchCandidate, criteria: MatchCriteria): number {
  const wanted = criteria.languages ?? [];
  if (wanted.length === 0) return 1;
  return candidate.languages.some((language) => wanted.includes(language)) ? 1 : 0;
}

/**
 * The coach's price in the budget's currency: as it is in the same currency, else converted at
 * the fixed reference rates (`shared/src/currency-rates.ts`); null when it cannot be compared.
 */
export function priceInBudgetCurrency(
  price: MatchCandidate['priceFrom'],
  budgetCurrency: string,
): number | null {
  if (!price) return null;
  if (price.currency === budgetCurrency) return price.amount;
  if (!isKnownCurrency(price.currency) || !isKnownCurrency(budgetCurrency)) return null;
  return convertMinorUnits(price.amount, price.currency, budgetCurrency);
}

/** 1 within budget, falling linearly to 0 at BUDGET_TOLERANCE over it; prices are converted. */
export function budgetFit(candidate: MatchCandidate, criteria: MatchCriteria): number {
  const { budget } = criteria;
  if (!budget) return 1;
  const price = priceInBudgetCurrency(candidate.priceFrom, budget.currency);
  if (price === null) return UNKNOWN_PRICE;
  if (price <= budget.max) return 1;
  if (budget.max <= 0) return 0;
  return clamp01(1 - (price - budget.max) / (budget.max * BUDGET_TOLERANCE));
}

/** A first free slot within this many days counts fully... */
export const AVAILABLE_SOON_DAYS = 2;
/** ...and from there less and less, down to nothing this many days ahead. */
export const AVAILABILITY_HORIZON_DAYS = 14;

/**
 * With preferred times: the share of the coach's free slots in the horizon that fall into them.
 * Without: 1 for a free slot within AVAILABLE_SOON_DAYS, falling linearly to 0 at the horizon.
 */
export function availabilityFit(candidate: MatchCandidate, criteria?: MatchCriteria): number {
  if (criteria?.preferredTimes && criteria.preferredTimes.length > 0) {
    return clamp01(candidate.preferredShare ?? 0);
  }
  const days = candidate.firstSlotInDays;
  if (days === null || days === undefined || days >= AVAILABILITY_HORIZON_DAYS) return 0;
  if (days <= AVAILABLE_SOON_DAYS) return 1;
  return clamp01(
    1 - (days - AVAILABLE_SOON_DAYS) / (AVAILABILITY_HORIZON_DAYS - AVAILABLE_SOON_DAYS),
  );
}

/** The Bayesian rating mapped from 1-5 stars onto 0-1. */
export function ratingFit(candidate: MatchCandidate): number {
  return clamp01((bayesianRating(candidate.rating) - 1) / 4);
}

export function scoreCoach(candidate: MatchCandidate, criteria: MatchCriteria): MatchScore {
  const fractions: MatchFactors = {
    specialty: specialtyFit(candidate, criteria),
    language: languageFit(candidate, criteria),
    budget: budgetFit(candidate, criteria),
    rating: ratingFit(candidate),
    availability: availabilityFit(candidate, criteria),
  };
  const contribution = (name: keyof MatchFactors) => round2(fractions[name] * MATCH_WEIGHTS[name]);
  const factors: MatchFactors = {
    specialty: contribution('specialty'),
    language: contribution('language'),
    budget: contribution('budget'),
    rating: contribution('rating'),
    availability: contribution('availability'),
  };
  const score = round2(Object.values(factors).reduce((sum, value) => sum + value, 0));
  return { score, factors };
}

/**
 * Best first. Ties go to the better Bayesian rating, then keep the input order, so callers can
 * hand candidates in a stable order and get a deterministic ranking.
 */
export function rankCoaches<T extends MatchCandidate>(
  candidates: readonly T[],
  criteria: MatchCriteria,
): Array<MatchScore & { candidate: T }> {
  return candidates
    .map((candidate, index) => ({
      candidate,
      index,
      bayes: bayesianRating(candidate.rating),
      ...scoreCoach(candidate, criteria),
    }))
    .sort((a, b) => b.score - a.score || b.bayes - a.bayes || a.index - b.index)
    .map(({ candidate, score, factors }) => ({ candidate, score, factors }));
}
