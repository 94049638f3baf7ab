import type { Locale } from '@coachhub/shared/locales';
import type { UserDTO } from '@coachhub/shared/user';
import { AppError } from '../../core/errors.js';
import { toUserDTO } from '../users/user.mapper.js';
import { User } from '../users/user.model.js';
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
      if (await User.exists({ email: input.email })) throw emailTaken();
      const passwordHash = await hashPassword(input.password);
      let user;
      try {
        user = await User.create({
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          ...(input.locale ? { locale: input.locale } : {}),
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
      const user = await User.findOne({ email: input.email }).select('+passwordHash');
      const matches = await verifyPassword(input.password, user?.passwordHash);
      if (!user || !matches) {
        throw new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is wrong');
      }
      if (user.status === 'suspended') {
        throw new AppError(403, 'ACCOUNT_SUSPENDED', 'This account is suspended');
      }
      return { user: toUserDTO(user), ...(await sessions.start(user, userAgent)) };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
