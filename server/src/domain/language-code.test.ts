import { describe, expect, it } from 'vitest';
import { isLanguageCode } from './language-code.js';

describe('isLanguageCode', () => {
  it.each(['en', 'de', 'fr', 'tl', 'eo'])('accepts %s', (code) => {
    expect(isLanguageCode(code)).toBe(true);
  });

  it.each(['xx', 'qq', 'EN', 'eng', 'e', 'en-US', ''])('refuses %j', (code) => {
    expect(isLanguageCode(code)).toBe(false);
  });
});
