import { describe, expect, it } from 'vitest';
import {
  AVAILABILITY_HORIZON_DAYS,
  AVAILABLE_SOON_DAYS,
  availabilityFit,
  bayesianRating,
  budgetFit,
  languageFit,
  MATCH_WEIGHTS,
  priceInBudgetCurrency,
  rankCoaches,
  ratingFit,
  scoreCoach,
  specialtyFit,
  type MatchCandidate,
} from './coach-match.js';

const coach = (overrides: Partial<MatchCandidate> = {}): MatchCandidate => ({
  specialties: ['career', 'leadership'],
  languages: ['en', 'de'],
  priceFrom: { amount: 8000, currency: 'EUR' },
  rating: { average: 4.5, count: 20 },
  ...overrides,
});

describe('specialtyFit', () => {
  it('is the share of the requested specialties the coach covers', () => {
    expect(specialtyFit(coach(), { specialties: ['career'] })).toBe(1);
    expect(specialtyFit(coach(), { specialties: ['career', 'fitness'] })).toBe(0.5);
    expect(specialtyFit(coach(), { specialties: ['fitness'] })).toBe(0);
  });

  it('counts a specialty asked for twice once', () => {
    expect(specialtyFit(coach(), { specialties: ['career', 'career', 'fitness'] })).toBe(0.5);
  });
});

describe('languageFit', () => {
  it('is 1 when any requested language is spoken, 0 when none is', () => {
    expect(languageFit(coach(), { specialties: [], languages: ['fr', 'de'] })).toBe(1);
    expect(languageFit(coach(), { specialties: [], languages: ['fr'] })).toBe(0);
  });

  it('is 1 without a preference', () => {
    expect(languageFit(coach(), { specialties: [] })).toBe(1);
    expect(languageFit(coach(), { specialties: [], languages: [] })).toBe(1);
  });
});

describe('budgetFit', () => {
  const budget = (max: number, currency = 'EUR') => ({
    specialties: [],
    budget: { max, currency },
  });

  it('is 1 within budget and without one', () => {
    expect(budgetFit(coach(), budget(8000))).toBe(1);
    expect(budgetFit(coach(), budget(20000))).toBe(1);
    expect(budgetFit(coach(), { specialties: [] })).toBe(1);
  });

  it('falls linearly to 0 at half the budget over it', () => {
    expect(budgetFit(coach({ priceFrom: { amount: 9000, currency: 'EUR' } }), budget(8000))).toBe(
      0.75,
    );
    expect(budgetFit(coach({ priceFrom: { amount: 12000, currency: 'EUR' } }), budget(8000))).toBe(
      0,
    );
    expect(budgetFit(coach({ priceFrom: { amount: 50000, currency: 'EUR' } }), budget(8000))).toBe(
      0,
    );
    expect(budgetFit(coach(), budget(0))).toBe(0);
  });

  it('is neutral (0.5) when the price is unknown or its currency has no rate', () => {
    expect(budgetFit(coach({ priceFrom: null }), budget(8000))).toBe(0.5);
    expect(budgetFit(coach({ priceFrom: { amount: 8000, currency: 'JPY' } }), budget(8000))).toBe(
      0.5,
    );
  });

  it('compares a price in another currency at the fixed reference rates', () => {
    // CHF 100.00 is EUR 107.00: within a EUR 110 budget, over a EUR 100 one (7 % of it).
    const chf = coach({ priceFrom: { amount: 10000, currency: 'CHF' } });
    expect(budgetFit(chf, budget(11000))).toBe(1);
    expect(budgetFit(chf, budget(10000))).toBeCloseTo(1 - 700 / 5000, 6);
    // USD 100.00 is EUR 86.00: fits a EUR 90 budget; GBP 100.00 (EUR 114.00) does not.
    expect(budgetFit(coach({ priceFrom: { amount: 10000, currency: 'USD' } }), budget(9000))).toBe(
      1,
    );
    expect(
      budgetFit(coach({ priceFrom: { amount: 10000, currency: 'GBP' } }), budget(9000)),
    ).toBeCloseTo(1 - 2400 / 4500, 6);
    // And the other way round: a USD budget against a EUR price.
    expect(
      budgetFit(coach({ priceFrom: { amount: 8600, currency: 'EUR' } }), budget(10000, 'USD')),
    ).toBe(1);
  });
});

describe('priceInBudgetCurrency', () => {
  it('keeps a price in the same currency and converts the others, in whole minor units', () => {
    expect(priceInBudgetCurrency({ amount: 9000, currency: 'EUR' }, 'EUR')).toBe(9000);
    expect(priceInBudgetCurrency({ amount: 9000, currency: 'CHF' }, 'EUR')).toBe(9630);
    expect(priceInBudgetCurrency({ amount: 9999, currency: 'GBP' }, 'USD')).toBe(13254);
    expect(priceInBudgetCurrency({ amount: 9000, currency: 'XYZ' }, 'EUR')).toBeNull();
    expect(priceInBudgetCurrency(null, 'EUR')).toBeNull();
  });
});

describe('rating with a Bayesian prior', () => {
  it('keeps an unrated coach at the prior mean', () => {
    expect(bayesianRating({ average: 0, count: 0 })).toBe(3.5);
    expect(ratingFit(coach({ rating: { average: 0, count: 0 } }))).toBe(0.625);
  });

  it('does not let one 5-star review beat fifty reviews averaging 4.8', () => {
    const lucky = coach({ rating: { average: 5, count: 1 } });
    const proven = coach({ rating: { average: 4.8, count: 50 } });
    expect(ratingFit(proven)).toBeGreaterThan(ratingFit(lucky));
    const ranked = rankCoaches([lucky, proven], { specialties: ['career'] });
    expect(ranked.map((r) => r.candidate)).toEqual([proven, lucky]);
  });

  it('approaches the real average as reviews accumulate', () => {
    expect(bayesianRating({ average: 4.8, count: 10_000 })).toBeCloseTo(4.8, 2);
  });
});

describe('scoreCoach', () => {
  it('returns each factor contribution, adding up to the score', () => {
    const { score, factors } = scoreCoach(coach(), {
      specialties: ['career', 'fitness'],
      languages: ['de'],
      budget: { max: 9000, currency: 'EUR' },
    });
    expect(factors).toEqual({
      specialty: 20,
      language: 25,
      budget: 15,
      rating: expect.closeTo(15 * ((bayesianRating(coach().rating) - 1) / 4), 2),
      availability: 0,
    });
    const sum = Object.values(factors).reduce((a, b) => a + b, 0);
    expect(score).toBeCloseTo(sum, 6);
  });

  it('never exceeds a factor weight, and availability is 0 when no free slot is known', () => {
    const { factors, score } = scoreCoach(coach({ rating: { average: 5, count: 100_000 } }), {
      specialties: ['career'],
    });
    for (const [name, value] of Object.entries(factors)) {
      expect(value).toBeLessThanOrEqual(MATCH_WEIGHTS[name as keyof typeof MATCH_WEIGHTS]);
    }
    expect(factors.availability).toBe(0);
    expect(score).toBeLessThanOrEqual(100 - MATCH_WEIGHTS.availability);
  });
});

describe('rankCoaches', () => {
  it('puts specialty fit first, then language, budget and rating', () => {
    const exact = coach({
      specialties: ['fitness', 'nutrition'],
      rating: { average: 4, count: 5 },
    });
    const partial = coach({ specialties: ['fitness'], rating: { average: 5, count: 80 } });
    const wrongLanguage = coach({
      specialties: ['fitness', 'nutrition'],
      languages: ['it'],
      rating: { average: 5, count: 80 },
    });
    const pricey = coach({
      specialties: ['fitness', 'nutrition'],
      priceFrom: { amount: 30000, currency: 'EUR' },
    });
    const ranked = rankCoaches([partial, wrongLanguage, pricey, exact], {
      specialties: ['fitness', 'nutrition'],
      languages: ['en'],
      budget: { max: 10000, currency: 'EUR' },
    });
    expect(ranked.map((r) => r.candidate)).toEqual([exact, pricey, partial, wrongLanguage]);
  });

  it('is deterministic on ties: input order', () => {
    const a = coach();
    const b = coach();
    const ranked = rankCoaches([a, b], { specialties: ['career'] });
    expect(ranked[0]?.candidate).toBe(a);
    expect(ranked[1]?.candidate).toBe(b);
  });
});

describe('availabilityFit', () => {
  const at = (firstSlotInDays: number | null) => availabilityFit(coach({ firstSlotInDays }));

  it('counts fully for a free slot within two days', () => {
    expect(at(0.1)).toBe(1);
    expect(at(AVAILABLE_SOON_DAYS)).toBe(1);
  });

  it('falls linearly to nothing at the horizon', () => {
    expect(at(8)).toBeCloseTo(0.5, 6);
    expect(at(AVAILABILITY_HORIZON_DAYS)).toBe(0);
    expect(at(30)).toBe(0);
  });

  it('is 0 when no slot is free soon', () => {
    expect(at(null)).toBe(0);
  });

  it('with preferred times, is the share of free slots inside them, whatever the first slot', () => {
    const wishes = {
      specialties: ['career'],
      preferredTimes: [{ weekday: 1 as const, start: '18:00', end: '20:00' }],
    };
    expect(availabilityFit(coach({ firstSlotInDays: 0.1, preferredShare: 0.25 }), wishes)).toBe(
      0.25,
    );
    expect(availabilityFit(coach({ firstSlotInDays: 0.1, preferredShare: 0 }), wishes)).toBe(0);
    expect(availabilityFit(coach({ firstSlotInDays: 9, preferredShare: 1 }), wishes)).toBe(1);
    expect(availabilityFit(coach({ firstSlotInDays: 0.1 }), wishes)).toBe(0);
    // No preferred times: the soonest slot decides, as before.
    expect(
      availabilityFit(coach({ firstSlotInDays: 0.1, preferredShare: 0 }), {
        specialties: ['career'],
        preferredTimes: [],
      }),
    ).toBe(1);
    const scored = scoreCoach(coach({ firstSlotInDays: 0.1, preferredShare: 0.5 }), wishes);
    expect(scored.factors.availability).toBe(MATCH_WEIGHTS.availability / 2);
  });

  it('adds up to the availability weight in the score', () => {
    const soon = scoreCoach(coach({ firstSlotInDays: 1 }), { specialties: ['career'] });
    const none = scoreCoach(coach({ firstSlotInDays: null }), { specialties: ['career'] });
    expect(soon.factors.availability).toBe(MATCH_WEIGHTS.availability);
    expect(soon.score - none.score).toBeCloseTo(MATCH_WEIGHTS.availability, 6);
  });
});
