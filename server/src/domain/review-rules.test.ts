import { describe, expect, it } from 'vitest';
import {
  canEditResponse,
  canModerate,
  isStarRating,
  ratingAverage,
  ratingDelta,
  ratingDistribution,
  ratingTotalsOf,
  responseEditableUntil,
  reviewerDisplayName,
  reviewRefusal,
} from './review-rules.js';

describe('isStarRating', () => {
  it.each([1, 2, 3, 4, 5])('accepts %s', (value) => expect(isStarRating(value)).toBe(true));
  it.each([0, 6, 2.5, -1, Number.NaN, '4', null, undefined, [4]])('refuses %s', (value) =>
    expect(isStarRating(value)).toBe(false),
  );
});

describe('rating arithmetic', () => {
  it('averages to two decimals and is 0 without reviews', () => {
    expect(ratingAverage({ sum: 0, count: 0 })).toBe(0);
    expect(ratingAverage({ sum: 5, count: 1 })).toBe(5);
    expect(ratingAverage({ sum: 250, count: 52 })).toBe(4.81);
    expect(ratingAverage({ sum: 14, count: 3 })).toBe(4.67);
    expect(ratingAverage({ sum: 13, count: 3 })).toBe(4.33);
  });

  it('adds and removes one review at a time', () => {
    expect(ratingDelta(4, 'add')).toEqual({ sum: 4, count: 1 });
    expect(ratingDelta(4, 'remove')).toEqual({ sum: -4, count: -1 });
    expect(() => ratingDelta(0, 'add')).toThrow(RangeError);
    expect(() => ratingDelta(4.5, 'remove')).toThrow(RangeError);
  });

  it('gives back the totals a recount would give, in any order of adds and removes', () => {
    const stars = [5, 4, 3, 5, 1, 2, 5];
    const hidden = new Set([1, 4]);
    let totals = { sum: 0, count: 0 };
    const apply = (delta: { sum: number; count: number }) => {
      totals = { sum: totals.sum + delta.sum, count: totals.count + delta.count };
    };
    stars.forEach((value) => apply(ratingDelta(value, 'add')));
    hidden.forEach((index) => apply(ratingDelta(stars[index] ?? 0, 'remove')));
    expect(totals).toEqual(ratingTotalsOf(stars.filter((_, index) => !hidden.has(index))));
    expect(ratingAverage(totals)).toBe(4);
  });

  it('counts the distribution with every star present', () => {
    expect(
      ratingDistribution([
        { stars: 5, count: 3 },
        { stars: 2, count: 1 },
      ]),
    ).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0, 5: 3 });
    expect(ratingDistribution([])).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
    // Something no review can hold is not counted anywhere.
    expect(ratingDistribution([{ stars: 7, count: 2 }])).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
  });
});

describe('the reply edit window', () => {
  const createdAt = new Date('2026-05-01T10:00:00Z');

  it('stays open for 24 hours after the first reply', () => {
    expect(responseEditableUntil(createdAt)).toEqual(new Date('2026-05-02T10:00:00Z'));
    expect(canEditResponse(createdAt, new Date('2026-05-01T10:00:00Z'))).toBe(true);
    expect(canEditResponse(createdAt, new Date('2026-05-02T09:59:59.999Z'))).toBe(true);
  });

  it('closes at 24 hours', () => {
    expect(canEditResponse(createdAt, new Date('2026-05-02T10:00:00Z'))).toBe(false);
    expect(canEditResponse(createdAt, new Date('2026-06-01T00:00:00Z'))).toBe(false);
  });
});

describe('reviewRefusal', () => {
  const completed = { clientId: 'lena', status: 'completed' };

  it('lets the client of a completed booking review it once', () => {
    expect(reviewRefusal(completed, 'lena', false)).toBeNull();
    expect(reviewRefusal(completed, 'lena', true)).toBe('already_reviewed');
  });

  it('does not confirm someone else’s or an unknown booking, whatever its state', () => {
    expect(reviewRefusal(null, 'lena', false)).toBe('not_found');
    expect(reviewRefusal(completed, 'tom', false)).toBe('not_found');
    expect(reviewRefusal({ clientId: 'lena', status: 'confirmed' }, 'tom', false)).toBe(
      'not_found',
    );
  });

  it.each(['pending', 'confirmed', 'declined', 'cancelled', 'no_show'])(
    'refuses a %s booking',
    (status) => {
      expect(reviewRefusal({ clientId: 'lena', status }, 'lena', false)).toBe('not_completed');
    },
  );
});

describe('moderation', () => {
  it('hides visible reviews and restores hidden ones, nothing else', () => {
    expect(canModerate(false, 'hide')).toBe(true);
    expect(canModerate(true, 'hide')).toBe(false);
    expect(canModerate(true, 'restore')).toBe(true);
    expect(canModerate(false, 'restore')).toBe(false);
  });
});

describe('reviewerDisplayName', () => {
  it('shows the first name and the initial of the last', () => {
    expect(reviewerDisplayName('Lena', 'Fischer')).toBe('Lena F.');
    expect(reviewerDisplayName(' Tom ', ' becker')).toBe('Tom B.');
    expect(reviewerDisplayName('Åsa', 'Öberg')).toBe('Åsa Ö.');
    expect(reviewerDisplayName('Ada', '')).toBe('Ada');
  });
});
