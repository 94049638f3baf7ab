import type { CoachMatch, CoachMatchRequest } from '@coachhub/shared/coach';
import { describe, expect, it } from 'vitest';

import { formatMoney } from '@/lib/money';
import { makeCoach } from '@/testing/fixtures';

import { explainFactor } from './match-explanation';

const matchOf = (overrides: Partial<CoachMatch> = {}): CoachMatch => ({
  coach: makeCoach(),
  score: 80,
  factors: { specialty: 40, language: 25, budget: 15, rating: 10, availability: 5 },
  ...overrides,
});

describe('explainFactor', () => {
  const inEuros: CoachMatchRequest = {
    specialties: ['career'],
    budget: { max: 9000, currency: 'EUR' },
  };

  it('explains a price in another currency with its converted amount', () => {
    const chf = matchOf({ coach: makeCoach({ priceFrom: { amount: 8000, currency: 'CHF' } }) });
    expect(explainFactor('budget', chf, inEuros, 'en')).toEqual({
      key: 'coaches.match.explain.budgetWithinConverted',
      values: {
        price: formatMoney({ amount: 8000, currency: 'CHF' }, 'en'),
        converted: '€85.60',
      },
    });
    const gbp = matchOf({ coach: makeCoach({ priceFrom: { amount: 10000, currency: 'GBP' } }) });
    expect(explainFactor('budget', gbp, inEuros, 'en')).toEqual({
      key: 'coaches.match.explain.budgetOverConverted',
      values: { price: '£100.00', converted: '€114.00' },
    });
    expect(explainFactor('budget', matchOf(), inEuros, 'en')).toEqual({
      key: 'coaches.match.explain.budgetWithin',
      values: { price: '€90.00' },
    });
  });

  it('explains availability as the share of free time in the preferred times, when there are some', () => {
    const evenings: CoachMatchRequest = {
      specialties: ['career'],
      preferredTimes: [{ weekday: 1, start: '17:00', end: '21:00' }],
      timeZone: 'Europe/Berlin',
    };
    const withAvailability = (availability: number) =>
      matchOf({ factors: { ...matchOf().factors, availability } });
    expect(explainFactor('availability', withAvailability(5), evenings, 'en').key).toBe(
      'coaches.match.explain.availabilityPreferredAll',
    );
    expect(explainFactor('availability', withAvailability(3), evenings, 'en')).toEqual({
      key: 'coaches.match.explain.availabilityPreferredSome',
      values: { percent: 60 },
    });
    expect(explainFactor('availability', withAvailability(0), evenings, 'en').key).toBe(
      'coaches.match.explain.availabilityPreferredNone',
    );
    expect(explainFactor('availability', withAvailability(5), inEuros, 'en').key).toBe(
      'coaches.match.explain.availabilitySoon',
    );
  });
});
