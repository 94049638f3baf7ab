import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@coachhub/shared/auth';

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
  if (password.length > PASSWORD_MAX_LENGTH) {
    return { key: 'validation.passwordTooLong', values: { max: PASSWORD_MAX_LENGTH } };
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
