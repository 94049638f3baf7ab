import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, passwordByteLength } from '@coachhub/shared/auth';
import { COACH_PROFILE_LIMITS } from '@coachhub/shared/coach';

import type { FieldProblem } from './field-problem';

/** A client-side sanity limit for names; the server applies its own rules as well. */
export const NAME_MAX_LENGTH = 80;

// Deliberately loose: the server decides what is deliverable; this catches typos like a missing @.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const checkEmail = (email: string): FieldProblem | undefined => {
  if (email.trim() === '') return { key: 'validation.emailRequired' };
  if (!EMAIL_PATTERN.test(email.trim())) return { key: 'validation.emailInvalid' };
  return undefined;
};

export const checkPasswordPresent = (password: string): FieldProblem | undefined =>
  password === '' ? { key: 'validation.passwordRequired' } : undefined;

export const checkNewPassword = (password: string): FieldProblem | undefined => {
  if (password === '') return { key: 'validation.passwordRequired' };
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { key: 'validation.passwordTooShort', values: { min: PASSWORD_MIN_LENGTH } };
  }
  if (passwordByteLength(password) > PASSWORD_MAX_BYTES) {
    return { key: 'validation.passwordTooLong', values: { max: PASSWORD_MAX_BYTES } };
  }
  return undefined;
};

export const checkName = (
  name: string,
  requiredKey: 'validation.firstNameRequired' | 'validation.lastNameRequired',
): FieldProblem | undefined => {
  if (name.trim() === '') return { key: requiredKey };
  if (name.trim().length > NAME_MAX_LENGTH) {
    return { key: 'validation.nameTooLong', values: { max: NAME_MAX_LENGTH } };
  }
  return undefined;
};

/** Counted as the server counts: after trimming. */
export const checkTextLength = (text: string, max: number): FieldProblem | undefined =>
  text.trim().length > max ? { key: 'validation.textTooLong', values: { max } } : undefined;

export const checkHeadline = (headline: string): FieldProblem | undefined =>
  headline.trim() === ''
    ? { key: 'validation.headlineRequired' }
    : checkTextLength(headline, COACH_PROFILE_LIMITS.headlineLength);

/** A pick-several list (specialties, languages): at least one, at most `max`. */
export const checkChoices = (
  chosen: readonly string[],
  max: number,
  requiredKey: 'validation.specialtiesRequired' | 'validation.languagesRequired',
): FieldProblem | undefined => {
  if (chosen.length === 0) return { key: requiredKey };
  if (chosen.length > max) return { key: 'validation.tooManyChoices', values: { max } };
  return undefined;
};
