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

  it('counts bytes, as bcrypt does: 72 are fine, one more is too long, emoji count 4 each', () => {
    const ascii72 = 'correct horse battery staple '.repeat(3).slice(0, 72);
    expect(passwordProblems(ascii72)).toEqual([]);
    expect(passwordProblems(`${ascii72}!`)).toEqual(['too_long']);
    // 18 emoji are 18 characters (36 UTF-16 units) but 72 bytes; a 19th makes 76.
    const emoji18 = '🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧🐦🐤🦆🦅🦉🦇';
    expect(passwordProblems(emoji18)).toEqual([]);
    expect(passwordProblems(`${emoji18}🐺`)).toEqual(['too_long']);
    // Accented letters are two bytes each: 61 characters, 74 bytes.
    const accented = 'Grüße aus Köln, schön hier! Äpfel, Öl, Übermaß: süß & spät ßß';
    expect(passwordProblems(accented)).toEqual(['too_long']);
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
