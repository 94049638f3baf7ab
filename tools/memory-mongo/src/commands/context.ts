import type { Engine } from '../engine.js';
import { MongoError, typeMismatch } from '../errors.js';
import type { Collation } from '../query.js';
import type { Store } from '../storage/store.js';
import { LockWait } from '../storage/store.js';
import type { Transaction } from '../storage/transaction.js';
import { type Doc, isPlainObject, toNumber } from '../values.js';

export interface CommandContext {
  engine: Engine;
  store: Store;
  db: string;
  body: Doc;
  /** The transaction the command runs in, if any. */
  txn: Transaction | undefined;
  connectionId: number;
  /** This server's address as the client reached it: host:port, or the Unix socket's path. */
  serverAddress: string;
}

export type CommandHandler = (context: CommandContext) => Doc | Promise<Doc>;
export type CommandTable = Record<string, CommandHandler>;

/** The collection a command names in its first field. */
export function targetName(context: CommandContext): string {
  let value: unknown;
  // The first field, read without listing every key.
  for (const name in context.body) {
    value = context.body[name];
    break;
  }
  if (typeof value !== 'string' || value.length === 0) {
    throw new MongoError('InvalidNamespace', `collection name has invalid type ${typeof value}`);
  }
  return value;
}

export function optionalDocument(body: Doc, field: string): Doc | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw typeMismatch(field, 'object');
  return value;
}

export function optionalNumber(body: Doc, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  const number = toNumber(value);
  if (number === undefined || Number.isNaN(number)) throw typeMismatch(field, 'number');
  return number;
}

export function documentArray(body: Doc, field: string): Doc[] {
  const value = body[field];
  if (!Array.isArray(value) || !value.every(isPlainObject))
    throw typeMismatch(field, 'array of objects');
  return value as Doc[];
}

export function collationOf(body: Doc): Collation | undefined {
  return optionalDocument(body, 'collation') as Collation | undefined;
}

/**
 * Runs a write step, waiting for any transaction that holds what it touches, as a server
 * blocks a plain write behind a transaction's lock. The step must check before it writes.
 */
export async function withLockWait<T>(step: () => T): Promise<T> {
  for (;;) {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof LockWait)) throw error;
      await error.transaction.done;
    }
  }
}
