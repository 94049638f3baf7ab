import type { Role } from '@coachhub/shared/roles';

/** The authenticated caller, as read from the database on this request (never from the client). */
export interface Principal {
  userId: string;
  role: Role;
  /** Refresh-token family (session) the access token belongs to. */
  sessionId: string;
}

/**
 * Turns a bearer token into a Principal or throws AppError 401/403.
 * One implementation serves HTTP and the socket handshake.
 */
export type Authenticator = (token: string | undefined) => Promise<Principal>;
