import type { Role } from '@coachhub/shared/roles';
import type { UserDTO } from '@coachhub/shared/user';

/** The authenticated caller, as read from the database on this request (never from the client). */
export interface Principal {
  userId: string;
  role: Role;
  /** Refresh-token family (session) the access token belongs to. */
  sessionId: string;
  /** When the access token it came with expires (a socket is closed then). */
  expiresAt?: Date;
  /**
   * An admin without two-factor sign-in while it is required of admins (REQUIRE_ADMIN_2FA): only
   * the routes that set it up are open (`domain/admin-two-factor.ts`), and no socket.
   */
  twoFactorSetupRequired?: boolean;
  /**
   * The account as the principal cache holds it: dropped by every change to it (domain events),
   * so it is as fresh as a database read. Absent for principals made without the cache.
   */
  account?: Readonly<UserDTO>;
}

/** Who acts, without the session: what rules about ownership and roles look at. */
export type Actor = Pick<Principal, 'userId' | 'role'>;

/**
 * Turns a bearer token into a Principal or throws AppError 401/403.
 * One implementation serves HTTP and the socket handshake.
 */
export type Authenticator = (token: string | undefined) => Promise<Principal>;
