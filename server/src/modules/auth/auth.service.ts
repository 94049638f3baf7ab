import type { Locale } from '@coachhub/shared/locales';
import type { UserDTO } from '@coachhub/shared/user';
import { AppError, notFound } from '../../core/errors.js';
import { toUserDTO } from '../users/user.mapper.js';
import {
  createUser,
  emailInUse,
  findCredentials,
  setPasswordHash,
} from '../users/user-accounts.js';
import { isDuplicateKeyError } from '../../core/db/duplicate-key.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { assertAcceptablePassword } from './password-rules.js';
import type { IssuedTokens, SessionService } from './session.service.js';

export interface RegisterInput {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  locale?: Locale;
  /** IANA zone, already validated; absent: the account starts in the default zone (UTC). */
  timeZone?: string;
}

export interface LoginInput {
  email: string;
  password: string;
}

export type SignedIn = IssuedTokens & { user: UserDTO };

const emailTaken = () =>
  new AppError(409, 'EMAIL_TAKEN', 'An account with this email already exists');

export function createAuthService(sessions: SessionService) {
  return {
    /** Public sign-up always creates a client; admins and coaches come from elsewhere. */
    async register(input: RegisterInput, userAgent?: string): Promise<SignedIn> {
      assertAcceptablePassword(input.password, input.email);
      if (await emailInUse(input.email)) throw emailTaken();
      const passwordHash = await hashPassword(input.password);
      let user;
      try {
        user = await createUser({
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          ...(input.locale ? { locale: input.locale } : {}),
          ...(input.timeZone ? { timeZone: input.timeZone } : {}),
          role: 'client',
          passwordHash,
        });
      } catch (error) {
        // Two sign-ups with one email at the same moment: the unique index decides.
        if (isDuplicateKeyError(error)) throw emailTaken();
        throw error;
      }
      return { user: toUserDTO(user), ...(await sessions.start(user, userAgent)) };
    },

    /** Unknown email and wrong password get the same answer, after the same amount of work. */
    async login(input: LoginInput, userAgent?: string): Promise<SignedIn> {
      const user = await findCredentials({ email: input.email });
      const matches = await verifyPassword(input.password, user?.passwordHash);
      if (!user || !matches) {
        throw new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is wrong');
      }
      if (user.status === 'suspended') {
        throw new AppError(403, 'ACCOUNT_SUSPENDED', 'This account is suspended');
      }
      return { user: toUserDTO(user), ...(await sessions.start(user, userAgent)) };
    },

    /** Ends every session of the account (other devices included), then opens one for this client. */
    async changePassword(
      userId: string,
      currentPassword: string,
      newPassword: string,
      userAgent?: string,
    ): Promise<IssuedTokens> {
      const user = await findCredentials({ userId });
      if (!user) throw notFound('User');
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        throw new AppError(400, 'WRONG_PASSWORD', 'The current password is not correct', [
          { field: 'currentPassword', location: 'body', message: 'Not correct' },
        ]);
      }
      assertAcceptablePassword(newPassword, user.email, 'newPassword');
      await setPasswordHash(userId, await hashPassword(newPassword));
      await sessions.revokeAllForUser(userId, 'password_change');
      return sessions.start(user, userAgent);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
