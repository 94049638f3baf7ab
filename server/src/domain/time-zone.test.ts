import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from './time-zone.js';

describe('isIanaTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+2'])(
    'accepts %s',
    (zone) => expect(isIanaTimeZone(zone)).toBe(true),
  );

  it.each(['', 'Mars/Olympus', '+01:00', 'Europe/Berlin; drop', 'europe berlin'])(
    'refuses %j',
    (zone) => expect(isIanaTimeZone(zone)).toBe(false),
  );
});

describe('isIanaTimeZone, asked again', () => {
  it('gives the same answers from its memory', () => {
    for (let round = 0; round < 3; round++) {
      expect(isIanaTimeZone('Asia/Kolkata')).toBe(true);
      expect(isIanaTimeZone('Asia/Atlantis')).toBe(false);
    }
  });
});
