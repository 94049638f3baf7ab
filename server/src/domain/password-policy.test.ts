import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

describe('passwordProblems', () => {
  it('accepts a reasonable password', () => {
    expect(passwordProblems('correct horse battery', 'ann@example.com')).toEqual([]);
  });

  it.each([
    ['short1', 'too_short'],
    ['x'.repeat(129) + 'yz', 'too_long'],
    ['Password123', 'common'],
    ['1234567890', 'common'],
    ['abcdefghijkl', 'common'],
    ['9876543210', 'common'],
    ['aaaaaaaaaaaa', 'repetitive'],
    ['abababababab', 'repetitive'],
  ])('refuses %s (%s)', (password, problem) => {
    expect(passwordProblems(password)).toContain(problem);
  });

  it('refuses the email address or its local part, in any case', () => {
    expect(passwordProblems('Ann.Smith@Example.com', 'ann.smith@example.com')).toContain(
      'same_as_email',
    );
    expect(passwordProblems('ann.smith.longer', 'ann.smith.longer@example.com')).toContain(
      'same_as_email',
    );
  });
});
