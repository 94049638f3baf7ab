import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, passwordByteLength } from '@coachhub/shared/auth';

/**
 * Passwords people pick first. Length alone does not stop these, and a short list catches
 * the common ones without shipping a breach corpus.
 */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '0987654321',
  '1q2w3e4r5t',
  'qwertyuiop',
  'asdfghjkl;',
  'password123',
  'password1234',
  'password12345',
  'passwort123',
  'passwort1234',
  'iloveyou123',
  'qwerty12345',
  'qwerty123456',
  'letmein1234',
  'welcome123',
  'welcome1234',
  'changeme123',
  'administrator',
  'coachhub123',
  'coachhub2024',
  'coachhub2025',
  'coachhub2026',
  'abcdefghij',
  'abc1234567',
  'football123',
  'monkey12345',
  'sunshine123',
  'princess123',
  'trustno1234',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'same_as_email' | 'repetitive';

/** Why a password is not acceptable, or an empty list when it is. */
export function passwordProblems(password: string, email?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (passwordByteLength(password) > PASSWORD_MAX_BYTES) problems.push('too_long');
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || isSequence(lowered)) problems.push('common');
  if (email !== undefined && isEmailLike(lowered, email.toLowerCase())) {
    problems.push('same_as_email');
  }
  if (new Set(password).size <= 2) problems.push('repetitive');
  return problems;
}

function isEmailLike(password: string, email: string): boolean {
  const localPart = email.split('@')[0] ?? '';
  return password === email || (localPart.length > 0 && password === localPart);
}

/** Runs of consecutive characters ("abcdefghijk", "3456789012") in either direction. */
function isSequence(value: string): boolean {
  const codes = [...value].map((char) => char.charCodeAt(0));
  const steps = codes.slice(1).map((code, index) => code - (codes[index] ?? 0));
  return (
    steps.every((step) => step === 1 || step === -9) ||
    steps.every((step) => step === -1 || step === 9)
  );
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `Use at most ${PASSWORD_MAX_BYTES} bytes: a plain letter, digit or symbol is 1, an accented letter 2, an emoji 4`,
  common: 'This password is too common',
  same_as_email: 'The password must not be your email address',
  repetitive: 'Use more than two different characters',
};
