import { describe, expect, it } from 'vitest';
import { MINUTES_PER_DAY, minutesOfDay } from './local-time.js';

describe('minutesOfDay', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', MINUTES_PER_DAY],
  ])('reads %s as %i minutes', (value, minutes) => {
    expect(minutesOfDay(value)).toBe(minutes);
  });

  it.each(['9:00', '24:01', '25:00', '12:60', '12:5', '1200', '', ' 09:00', '09:00:00', 900, null])(
    'refuses %j',
    (value) => {
      expect(minutesOfDay(value)).toBeNull();
    },
  );
});
