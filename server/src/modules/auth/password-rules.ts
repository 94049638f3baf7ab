import { AppError } from '../../core/errors.js';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblems } from '../../domain/password-policy.js';

/** 400 WEAK_PASSWORD naming the field and every reason, or nothing when the password is acceptable. */
export function assertAcceptablePassword(
  password: string,
  email: string,
  field = 'password',
): void {
  const problems = passwordProblems(password, email);
  if (problems.length === 0) return;
  throw new AppError(
    400,
    'WEAK_PASSWORD',
    'Please choose a stronger password',
    problems.map((problem) => ({
      field,
      location: 'body' as const,
      message: PASSWORD_PROBLEM_MESSAGES[problem],
    })),
  );
}
