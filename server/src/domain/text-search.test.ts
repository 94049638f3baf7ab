import { describe, expect, it } from 'vitest';
import { literalPattern } from './text-search.js';

describe('literalPattern', () => {
  it('matches the text anywhere, whatever the case', () => {
    expect(literalPattern('ada').test('Lovelace, ADA')).toBe(true);
    expect(literalPattern('ada').test('Grace')).toBe(false);
  });

  it.each(['.*', 'a+b', '(x)', '[a-z]', 'a|b', '^a$', 'a\\d', 'x{2}', 'a?', 'a/b'])(
    'takes %s literally',
    (text) => {
      const pattern = literalPattern(text);
      expect(pattern.test(`before ${text} after`)).toBe(true);
      // What the characters would mean as a pattern does not match.
      expect(pattern.test('zzz')).toBe(false);
    },
  );
});
