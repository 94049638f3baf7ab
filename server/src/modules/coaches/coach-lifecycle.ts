import type { ClientSession } from 'mongoose';
import { createTransactionHook } from '../../core/transaction-hooks.js';
import type { CoachRecord } from './coach.model.js';

export interface CoachCreatedEvent {
  /** The new coach's user id. */
  userId: string;
  coach: CoachRecord;
  /**
   * The transaction that creates the coach. Listeners write with it, so the coach, the role
   * change and everything they create commit together or not at all.
   */
  session: ClientSession;
}

/**
 * Runs inside the creating transaction. It may run more than once when the database retries
 * that transaction, so it must only write through `session` (no emails, sockets, HTTP calls);
 * throwing aborts the whole creation.
 */
export type CoachCreatedListener = (event: CoachCreatedEvent) => Promise<void>;

/**
 * The hook for "a coach was created": the scheduling feature registers here to create the
 * coach's default price configuration and availability. One instance per server (createServer).
 */
export interface CoachLifecycle {
  /** Adds a listener; the returned function removes it again. */
  onCoachCreated(listener: CoachCreatedListener): () => void;
  /** Calls every listener in registration order, one after another (a session runs one operation at a time). */
  coachCreated(event: CoachCreatedEvent): Promise<void>;
}

export function createCoachLifecycle(): CoachLifecycle {
  const hook = createTransactionHook<CoachCreatedEvent>();
  return { onCoachCreated: hook.on, coachCreated: hook.run };
}
