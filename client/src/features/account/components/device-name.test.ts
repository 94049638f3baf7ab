import Bowser from 'bowser';
import { describe, expect, it } from 'vitest';

import { deviceNameOf } from './device-name';

describe('deviceNameOf', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      { browser: 'Chrome', os: 'Windows' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      { browser: 'Safari', os: 'iOS' },
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
      { browser: 'Firefox', os: 'Linux' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      { browser: 'Chrome', os: 'Android' },
    ],
  ])('names the browser and system of %s', (userAgent, expected) => {
    expect(deviceNameOf(Bowser, userAgent)).toEqual(expected);
  });

  it('knows nothing of a missing or unknown user agent', () => {
    expect(deviceNameOf(Bowser, null)).toEqual({ browser: null, os: null });
    expect(deviceNameOf(Bowser, 'curl/8.5.0')).toEqual({ browser: null, os: null });
  });
});
