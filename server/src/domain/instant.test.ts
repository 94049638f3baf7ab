import { describe, expect, it } from 'vitest';
import { parseInstant } from './instant.js';

describe('parseInstant', () => {
  it.each([
    ['2026-03-30T07:00:00Z', '2026-03-30T07:00:00.000Z'],
    ['2026-03-30T07:00Z', '2026-03-30T07:00:00.000Z'],
    ['2026-03-30T09:00:00+02:00', '2026-03-30T07:00:00.000Z'],
    ['2026-03-30T07:00:00.123Z', '2026-03-30T07:00:00.123Z'],
  ])('reads %s', (input, iso) => {
    expect(parseInstant(input)?.toISOString()).toBe(iso);
  });

  it.each([
    ['2026-03-30T07:00:00'],
    ['2026-03-30'],
    ['2026-02-30T07:00:00Z'],
    ['2026-03-30T25:00:00Z'],
    ['yesterday'],
    ['1700000000000'],
    [''],
    [42],
    [{ $gt: '' }],
    [null],
  ])('refuses %j', (input) => {
    expect(parseInstant(input)).toBeNull();
  });
});
