import { describe, expect, it } from 'vitest';
import { preferredRanges, shareInPreferredTimes, type InstantRange } from './preferred-times.js';

const at = (iso: string) => Date.parse(iso);
const range = (start: string, end: string): InstantRange => ({ start: at(start), end: at(end) });

describe('preferredRanges', () => {
  it('places weekly wall-clock times on the days of the range, in the client’s zone', () => {
    // Monday 2026-03-02 .. Sunday 2026-03-08; Berlin is UTC+1 in winter.
    const ranges = preferredRanges(
      [
        { weekday: 1, start: '18:00', end: '20:00' },
        { weekday: 3, start: '07:30', end: '09:00' },
      ],
      'Europe/Berlin',
      at('2026-03-02T00:00:00Z'),
      at('2026-03-08T12:00:00Z'),
    );
    expect(ranges).toEqual([
      range('2026-03-02T17:00:00Z', '2026-03-02T19:00:00Z'),
      range('2026-03-04T06:30:00Z', '2026-03-04T08:00:00Z'),
    ]);
  });

  it('keeps 18:00 local on both sides of a DST change', () => {
    // Europe/Berlin moves to summer time on Sunday 2026-03-29.
    const ranges = preferredRanges(
      [{ weekday: 0, start: '18:00', end: '19:00' }],
      'Europe/Berlin',
      at('2026-03-21T00:00:00Z'),
      at('2026-03-30T00:00:00Z'),
    );
    expect(ranges).toEqual([
      range('2026-03-22T17:00:00Z', '2026-03-22T18:00:00Z'),
      range('2026-03-29T16:00:00Z', '2026-03-29T17:00:00Z'),
    ]);
  });

  it('runs to the end of the day with 24:00 and finds nothing without wishes', () => {
    expect(
      preferredRanges(
        [{ weekday: 5, start: '22:00', end: '24:00' }],
        'UTC',
        at('2026-03-06T00:00:00Z'),
        at('2026-03-06T23:00:00Z'),
      ),
    ).toEqual([range('2026-03-06T22:00:00Z', '2026-03-07T00:00:00Z')]);
    expect(
      preferredRanges([], 'UTC', at('2026-03-06T00:00:00Z'), at('2026-03-20T00:00:00Z')),
    ).toEqual([]);
  });
});

describe('shareInPreferredTimes', () => {
  const evening = [range('2026-03-02T17:00:00Z', '2026-03-02T19:00:00Z')];

  it('is the share of free slots lying wholly inside a preferred range', () => {
    const slots = [
      range('2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'),
      range('2026-03-02T17:00:00Z', '2026-03-02T18:00:00Z'),
      range('2026-03-02T18:00:00Z', '2026-03-02T19:00:00Z'),
      // Starts inside, ends after: not a session the client can take at that time.
      range('2026-03-02T18:30:00Z', '2026-03-02T19:30:00Z'),
    ];
    expect(shareInPreferredTimes(slots, evening)).toBe(0.5);
  });

  it('is 1 when every slot suits, and 0 without slots or without a match', () => {
    expect(
      shareInPreferredTimes([range('2026-03-02T17:30:00Z', '2026-03-02T18:00:00Z')], evening),
    ).toBe(1);
    expect(shareInPreferredTimes([], evening)).toBe(0);
    expect(
      shareInPreferredTimes([range('2026-03-03T17:00:00Z', '2026-03-03T18:00:00Z')], evening),
    ).toBe(0);
  });
});
