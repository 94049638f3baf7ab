import { describe, expect, it } from 'vitest';
import { mergeRanges, padRange, rangesOverlap, subtractRanges } from './time-ranges.js';

const span = (start: number, end: number) => ({ start, end });

describe('rangesOverlap', () => {
  it.each([
    [span(0, 10), span(5, 15), true],
    [span(5, 15), span(0, 10), true],
    [span(0, 10), span(2, 3), true],
    [span(0, 10), span(10, 20), false],
    [span(10, 20), span(0, 10), false],
    [span(0, 10), span(11, 20), false],
  ])('%j and %j overlap: %s', (a, b, expected) => {
    expect(rangesOverlap(a, b)).toBe(expected);
  });
});

describe('padRange', () => {
  it('widens the start and the end separately', () => {
    expect(padRange(span(100, 200), 10, 30)).toEqual(span(90, 230));
  });
});

describe('mergeRanges', () => {
  it('sorts and joins overlapping and touching spans', () => {
    expect(
      mergeRanges([span(20, 30), span(0, 10), span(10, 15), span(25, 40), span(50, 60)]),
    ).toEqual([span(0, 15), span(20, 40), span(50, 60)]);
  });

  it('keeps a span that contains the next one whole', () => {
    expect(mergeRanges([span(0, 100), span(10, 20), span(30, 40)])).toEqual([span(0, 100)]);
  });

  it('drops empty and inverted spans', () => {
    expect(mergeRanges([span(5, 5), span(9, 3), span(1, 2)])).toEqual([span(1, 2)]);
  });

  it('does not modify its input', () => {
    const input = [span(10, 20), span(0, 15)];
    mergeRanges(input);
    expect(input).toEqual([span(10, 20), span(0, 15)]);
  });

  it('returns nothing for nothing', () => {
    expect(mergeRanges([])).toEqual([]);
  });
});

describe('subtractRanges', () => {
  it('cuts a hole in the middle', () => {
    expect(subtractRanges([span(0, 100)], [span(40, 60)])).toEqual([span(0, 40), span(60, 100)]);
  });

  it('trims both ends', () => {
    expect(subtractRanges([span(0, 100)], [span(-10, 20), span(90, 120)])).toEqual([span(20, 90)]);
  });

  it('removes a span covered completely', () => {
    expect(subtractRanges([span(10, 20)], [span(0, 30)])).toEqual([]);
  });

  it('leaves spans that only touch a hole', () => {
    expect(subtractRanges([span(10, 20)], [span(0, 10), span(20, 30)])).toEqual([span(10, 20)]);
  });

  it('handles several spans and unsorted, overlapping holes', () => {
    expect(
      subtractRanges(
        [span(50, 80), span(0, 30)],
        [span(60, 65), span(5, 10), span(8, 12), span(25, 55)],
      ),
    ).toEqual([span(0, 5), span(12, 25), span(55, 60), span(65, 80)]);
  });

  it('keeps everything when there is nothing to remove', () => {
    expect(subtractRanges([span(0, 10), span(5, 20)], [])).toEqual([span(0, 20)]);
  });
});
