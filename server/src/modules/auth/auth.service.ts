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
import type { ClientInfo, IssuedTokens, SessionService } from './session.service.js';
import { challengeInvalid, type ChallengeTokens } from './two-factor-challenge.js';
import type { TwoFactorService } from './two-factor.service.js';

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

/** The password was right; the account asks for its second factor before any token. */
export interface ChallengeIssued {
  challengeToken: string;
}

export interface TwoFactorLoginInput {
  challengeToken: string;
  code: string;
}

const emailTaken = () =>
  new AppError(409, 'EMAIL_TAKEN', 'An account with this email already exists');

const suspended = () => new AppError(403, 'ACCOUNT_SUSPENDED', 'This account is suspended');

export function createAuthService(deps: {
  sessions: SessionService;
  twoFactor: TwoFactorService;
  challenges: ChallengeTokens;
}) {
  const { sessions } = deps;
  return {
    /** Public sign-up always creates a client; admins and coaches come from elsewhere. */
    async register(input: RegisterInput, client?: ClientInfo): Promise<SignedIn> {
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
      return { user: toUserDTO(user), ...(await sessions.start(user, client)) };
    },

    /**
     * Unknown email and wrong password get the same answer, after the same amount of work. With
     * two-factor sign-in on, the right password earns a challenge, not yet a session.
     */
    async login(input: LoginInput, client?: ClientInfo): Promise<SignedIn | ChallengeIssued> {
      const user = await findCredentials({ email: input.email });
      const matches = await verifyPassword(input.password, user?.passwordHash);
      if (!user || !matches) {
        throw new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is wrong');
      }
      if (user.status === 'suspended') throw suspended();
      if (user.twoFactorEnabled) return { challengeToken: deps.challenges.sign(user.id) };
      return { user: toUserDTO(user), ...(await sessions.start(user, client)) };
    },

    /** The second step: the challenge from `login` and a TOTP or recovery code. */
    async completeTwoFactorLogin(
      input: TwoFactorLoginInput,
      client?: ClientInfo,
    ): Promise<SignedIn> {
      const userId = deps.challenges.verify(input.challengeToken);
      const user = await findCredentials({ userId });
      // Gone, or two-factor sign-in turned off since: this challenge leads nowhere.
      if (!user?.twoFactorEnabled) throw challengeInvalid();
      if (user.status === 'suspended') throw suspended();
      if (!(await deps.twoFactor.useSecondFactor(userId, input.code))) {
        throw new AppError(401, 'INVALID_TWO_FACTOR_CODE', 'The code is not correct');
      }
      return { user: toUserDTO(user), ...(await sessions.start(user, client)) };
    },

    /** Ends every session of the account (other devices included), then opens one for this client. */
    async changePassword(
      userId: string,
      currentPassword: string,
      newPassword: string,
      client?: ClientInfo,
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
      return sessions.start(user, client);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
