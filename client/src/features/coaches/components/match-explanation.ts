import { COACH_MATCH_WEIGHTS } from '@coachhub/shared/coach';
import type { CoachMatch, CoachMatchFactors, CoachMatchRequest } from '@coachhub/shared/coach';
import { convertMinorUnits, isKnownCurrency } from '@coachhub/shared/currency-rates';

import type { FieldProblem } from '@/lib/field-problem';
import { formatRating } from '@/lib/format-rating';
import { languageName } from '@/lib/languages';
import { formatMoney } from '@/lib/money';

export type MatchFactor = keyof CoachMatchFactors;

/** In the order the score weighs them, heaviest first. */
export const MATCH_FACTORS: readonly MatchFactor[] = [
  'specialty',
  'language',
  'budget',
  'rating',
  'availability',
];

/** A sentence to translate: a key and its values (the same shape field problems use). */
export type Explanation = Pick<FieldProblem, 'key' | 'values'>;

/** How much of its maximum a factor reached, 0-1, for its bar. */
export const factorShare = (match: CoachMatch, factor: MatchFactor): number => {
  const weight = COACH_MATCH_WEIGHTS[factor];
  return weight > 0 ? Math.min(1, Math.max(0, match.factors[factor] / weight)) : 0;
};

const listOf = (items: string[], locale: string) =>
  new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);

/**
 * Why a factor scored what it did, in words. The API returns numbers; the reasons are read from
 * what the client asked for and the coach's profile, the same inputs the matcher used.
 */
export const explainFactor = (
  factor: MatchFactor,
  { coach, factors }: CoachMatch,
  request: CoachMatchRequest,
  locale: string,
): Explanation => {
  switch (factor) {
    case 'specialty': {
      const wanted = request.specialties.length;
      const matched = request.specialties.filter((goal) => coach.specialties.includes(goal)).length;
      if (matched === wanted) return { key: 'coaches.match.explain.specialtyAll' };
      if (matched === 0) return { key: 'coaches.match.explain.specialtyNone' };
      return { key: 'coaches.match.explain.specialtySome', values: { matched, wanted } };
    }
    case 'language': {
      const wanted = request.languages ?? [];
      if (wanted.length === 0) return { key: 'coaches.match.explain.languageAny' };
      const shared = coach.languages.filter((language) => wanted.includes(language));
      if (shared.length === 0) return { key: 'coaches.match.explain.languageNone' };
      const languages = listOf(
        shared.map((code) => languageName(code, locale)),
        locale,
      );
      return { key: 'coaches.match.explain.languageMatch', values: { languages } };
    }
    case 'budget': {
      const { budget } = request;
      if (!budget) return { key: 'coaches.match.explain.budgetAny' };
      const price = coach.priceFrom;
      if (!price || !isKnownCurrency(price.currency)) {
        return { key: 'coaches.match.explain.budgetUnknown' };
      }
      const values = { price: formatMoney(price, locale) };
      if (price.currency === budget.currency) {
        return price.amount <= budget.max
          ? { key: 'coaches.match.explain.budgetWithin', values }
          : { key: 'coaches.match.explain.budgetOver', values };
      }
      // Compared as the server compares it: at the fixed reference rates.
      const amount = convertMinorUnits(price.amount, price.currency, budget.currency);
      const converted = {
        ...values,
        converted: formatMoney({ amount, currency: budget.currency }, locale),
      };
      return amount <= budget.max
        ? { key: 'coaches.match.explain.budgetWithinConverted', values: converted }
        : { key: 'coaches.match.explain.budgetOverConverted', values: converted };
    }
    case 'rating': {
      const { average, count } = coach.rating;
      if (count === 0) return { key: 'coaches.match.explain.ratingNew' };
      return {
        key: 'coaches.match.explain.rating',
        values: { average: formatRating(average, locale), count },
      };
    }
    case 'availability': {
      if (request.preferredTimes && request.preferredTimes.length > 0) {
        // The share of the coach's free time in the next two weeks that suits the client.
        const share = factorShare({ coach, factors, score: 0 }, 'availability');
        if (share >= 1) return { key: 'coaches.match.explain.availabilityPreferredAll' };
        if (share <= 0) return { key: 'coaches.match.explain.availabilityPreferredNone' };
        return {
          key: 'coaches.match.explain.availabilityPreferredSome',
          values: { percent: Math.round(share * 100) },
        };
      }
      // The server gives the full weight for a free slot within two days, less up to two weeks.
      if (factors.availability >= COACH_MATCH_WEIGHTS.availability) {
        return { key: 'coaches.match.explain.availabilitySoon' };
      }
      return factors.availability > 0
        ? { key: 'coaches.match.explain.availabilityLater' }
        : { key: 'coaches.match.explain.availabilityNone' };
    }
  }
};
