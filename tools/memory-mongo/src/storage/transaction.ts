import type { MongoError } from '../errors.js';
import type { Doc } from '../values.js';
import type { Collection } from './collection.js';

export type TransactionState = 'in_progress' | 'committed' | 'aborted';

/**
 * A multi-document transaction: reads a snapshot taken when it started, keeps its own writes
 * apart until commit, and holds locks on the documents and unique keys it wrote.
 */
export class Transaction {
  readonly txnNumber: number;
  readonly snapshotTs: number;
  readonly startedAt = Date.now();
  state: TransactionState = 'in_progress';
  /** Why the server aborted it (a write conflict, an error, a timeout), for later commands. */
  abortReason: MongoError | undefined;
  readonly writes = new Map<Collection, Map<string, Doc | null>>();
  readonly locks: string[] = [];
  readonly done: Promise<void>;
  private resolveDone!: () => void;

  constructor(txnNumber: number, snapshotTs: number) {
    this.txnNumber = txnNumber;
    this.snapshotTs = snapshotTs;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  get active(): boolean {
    return this.state === 'in_progress';
  }

  ownWrites(collection: Collection): Map<string, Doc | null> | undefined {
    return this.writes.get(collection);
  }

  record(collection: Collection, id: string, doc: Doc | null): void {
    let writes = this.writes.get(collection);
    if (!writes) this.writes.set(collection, (writes = new Map()));
    writes.set(id, doc);
  }

  finish(state: 'committed' | 'aborted'): void {
    this.state = state;
    this.resolveDone();
  }
}

/** A logical session (`lsid`): its current transaction and the replies of retryable writes. */
export class Session {
  readonly id: string;
  lastUsed = Date.now();
  transaction: Transaction | undefined;
  /** Highest txnNumber seen, for transactions and retryable writes alike. */
  highestTxnNumber = -1;
  readonly retryableReplies = new Map<number, Doc>();

  constructor(id: string) {
    this.id = id;
  }

  rememberReply(txnNumber: number, reply: Doc): void {
    this.retryableReplies.set(txnNumber, reply);
    // A driver only ever retries its latest write, so a few replies are plenty.
    if (this.retryableReplies.size > 8) {
      const oldest = this.retryableReplies.keys().next().value;
      if (oldest !== undefined) this.retryableReplies.delete(oldest);
    }
  }
}
