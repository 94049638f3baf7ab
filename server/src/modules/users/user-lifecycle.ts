import type { UserStatus } from '@coachhub/shared/roles';
import type { ClientSession } from 'mongoose';
import { createTransactionHook } from '../../core/transaction-hooks.js';

/** Fields of an account that other modules keep copies of (the coach directory does). */
export interface UserChange {
  userId: string;
  changes: { firstName?: string; lastName?: string; status?: UserStatus };
  /** The transaction that changes the user: listeners write with it, so copies never drift. */
  session: ClientSession;
}

/**
 * Runs inside the changing transaction, which the database may retry, so it must only write
 * through `session`; throwing aborts the change.
 */
export type UserChangeListener = (change: UserChange) => Promise<void>;

/**
 * The hook for "an account's copied fields changed". Users sit at the bottom of the house, so
 * modules above (coaches) register here instead of users calling them. One per server.
 */
export interface UserLifecycle {
  onUserChanged(listener: UserChangeListener): () => void;
  userChanged(change: UserChange): Promise<void>;
}

export function createUserLifecycle(): UserLifecycle {
  const hook = createTransactionHook<UserChange>();
  return { onUserChanged: hook.on, userChanged: hook.run };
}
