import { Binary, ObjectId } from 'bson';
import { adminCommands } from './commands/admin.js';
import { collectionCommands } from './commands/collections.js';
import type { CommandContext, CommandTable } from './commands/context.js';
import { indexCommands } from './commands/indexes.js';
import { readCommands } from './commands/reads.js';
import { transactionCommands } from './commands/transactions.js';
import { writeCommands } from './commands/writes.js';
import { CursorRegistry } from './cursors.js';
import { MongoError, TRANSIENT_TRANSACTION_ERROR } from './errors.js';
import { expireDocuments } from './ttl.js';
import { Store } from './storage/store.js';
import { Session, Transaction } from './storage/transaction.js';
import { type Doc, isPlainObject, toNumber } from './values.js';

export interface EngineOptions {
  host: string;
  port: number;
  replSetName: string;
  ttlMonitorIntervalMs: number;
}

const TRANSACTION_LIFETIME_MS = 60_000;
const CURSOR_IDLE_MS = 10 * 60_000;
const SESSION_IDLE_MS = 30 * 60_000;

const COMMANDS: CommandTable = {
  ...adminCommands,
  ...collectionCommands,
  ...indexCommands,
  ...readCommands,
  ...writeCommands,
  ...transactionCommands,
};

/** What may run inside a multi-document transaction (as on MongoDB 7). */
const TRANSACTION_COMMANDS = new Set([
  'find',
  'getMore',
  'killCursors',
  'insert',
  'update',
  'delete',
  'findAndModify',
  'aggregate',
  'distinct',
  'create',
  'createIndexes',
  'commitTransaction',
  'abortTransaction',
]);

/** Writes whose reply a retry with the same txnNumber gets again instead of a second write. */
const RETRYABLE_WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);

/**
 * Command dispatch: sessions, transactions, retryable writes and the periodic reapers around
 * the command handlers.
 */
export class Engine {
  readonly store = new Store();
  readonly cursors = new CursorRegistry();
  readonly options: EngineOptions;
  readonly startedAt = new Date();
  readonly electionId = new ObjectId('7fffffff0000000000000001');
  connections = { current: 0, totalCreated: 0 };
  private readonly sessions = new Map<string, Session>();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(options: EngineOptions) {
    this.options = options;
    this.timers.push(setInterval(() => this.reap(), 1000).unref());
    this.timers.push(
      setInterval(() => expireDocuments(this.store), options.ttlMonitorIntervalMs).unref(),
    );
  }

  get address(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    for (const txn of [...this.store.activeTransactions]) this.store.abort(txn);
  }

  /**
   * Runs one command. A handler that finishes synchronously (most reads) is answered
   * synchronously, so the reply needs no promise; errors are thrown either way.
   */
  run(
    db: string,
    body: Doc,
    connectionId: number,
    serverAddress = this.address,
  ): Doc | Promise<Doc> {
    const name = commandName(body);
    const handler = COMMANDS[name];
    if (!handler) {
      throw new MongoError('CommandNotFound', `no such command: '${name}'`);
    }
    const session = this.session(body.lsid);
    const txnNumber = toNumber(body.txnNumber);
    const txn =
      body.autocommit === false ? this.transactionFor(session, txnNumber, body, name) : undefined;
    const retryable = !txn && session && txnNumber !== undefined && RETRYABLE_WRITES.has(name);
    if (retryable) {
      const previous = session.retryableReplies.get(txnNumber);
      if (previous) return previous;
      session.highestTxnNumber = Math.max(session.highestTxnNumber, txnNumber);
    }
    const context: CommandContext = {
      engine: this,
      store: this.store,
      db,
      body,
      txn,
      connectionId,
      serverAddress,
    };
    const finish = (reply: Doc): Doc => {
      // A write error inside a transaction aborts it, as on a real server.
      if (txn?.active && Array.isArray(reply.writeErrors) && reply.writeErrors.length > 0) {
        this.store.abort(txn);
      }
      if (retryable) session.rememberReply(txnNumber, reply);
      return reply;
    };
    const fail = (error: unknown): never => {
      if (txn?.active && name !== 'commitTransaction' && name !== 'abortTransaction') {
        this.store.abort(txn, error instanceof MongoError ? error : undefined);
      }
      throw error;
    };
    let reply: Doc | Promise<Doc>;
    try {
      reply = handler(context);
    } catch (error) {
      return fail(error);
    }
    return reply instanceof Promise ? reply.then(finish, fail) : finish(reply);
  }

  endSessions(ids: unknown[]): void {
    for (const lsid of ids) {
      const key = sessionKey(lsid);
      const session = key === undefined ? undefined : this.sessions.get(key);
      if (!session) continue;
      if (session.transaction?.active) this.store.abort(session.transaction);
      this.sessions.delete(session.id);
    }
  }

  private session(lsid: unknown): Session | undefined {
    const key = sessionKey(lsid);
    if (key === undefined) return undefined;
    let session = this.sessions.get(key);
    if (!session) this.sessions.set(key, (session = new Session(key)));
    session.lastUsed = Date.now();
    return session;
  }

  private transactionFor(
    session: Session | undefined,
    txnNumber: number | undefined,
    body: Doc,
    name: string,
  ): Transaction {
    if (!session || txnNumber === undefined) {
      throw new MongoError('InvalidOptions', 'a transaction needs lsid and txnNumber');
    }
    if (!TRANSACTION_COMMANDS.has(name)) {
      throw new MongoError(
        'OperationNotSupportedInTransaction',
        `Cannot run '${name}' in a multi-document transaction.`,
      );
    }
    if (body.startTransaction === true) {
      if (txnNumber <= session.highestTxnNumber) {
        throw new MongoError(
          'NoSuchTransaction',
          `Cannot start transaction ${txnNumber} on session ${session.id} because a newer transaction ${session.highestTxnNumber} has already started`,
        );
      }
      if (session.transaction?.active) this.store.abort(session.transaction);
      const txn = new Transaction(txnNumber, this.store.snapshotTs());
      this.store.begin(txn);
      session.transaction = txn;
      session.highestTxnNumber = txnNumber;
      return txn;
    }
    const txn = session.transaction;
    if (!txn || txn.txnNumber !== txnNumber) {
      throw new MongoError(
        'NoSuchTransaction',
        `Given transaction number ${txnNumber} does not match any in-progress transactions.`,
        { labels: [TRANSIENT_TRANSACTION_ERROR] },
      );
    }
    if (txn.state === 'aborted' && name !== 'abortTransaction') {
      throw new MongoError(
        'NoSuchTransaction',
        `Transaction with { txnNumber: ${txnNumber} } has been aborted.`,
        {
          labels: [TRANSIENT_TRANSACTION_ERROR],
        },
      );
    }
    return txn;
  }

  private reap(): void {
    const now = Date.now();
    for (const txn of [...this.store.activeTransactions]) {
      if (now - txn.startedAt > TRANSACTION_LIFETIME_MS) {
        this.store.abort(
          txn,
          new MongoError(
            'NoSuchTransaction',
            'Transaction aborted: it exceeded the lifetime limit',
            {
              labels: [TRANSIENT_TRANSACTION_ERROR],
            },
          ),
        );
      }
    }
    this.cursors.reapIdle(CURSOR_IDLE_MS);
    for (const [id, session] of this.sessions) {
      if (now - session.lastUsed > SESSION_IDLE_MS && !session.transaction?.active)
        this.sessions.delete(id);
    }
  }
}

/** The command is the body's first field (read without listing every key). */
function commandName(body: Doc): string {
  for (const key in body) return key;
  return '';
}

function sessionKey(lsid: unknown): string | undefined {
  if (!isPlainObject(lsid)) return undefined;
  const id = lsid.id;
  return id instanceof Binary ? id.toString('hex') : undefined;
}
