import { MongoError } from '../errors.js';
import type { CommandHandler, CommandTable } from './context.js';

const commitTransaction: CommandHandler = ({ store, txn }) => {
  if (!txn)
    throw new MongoError('InvalidOptions', 'commitTransaction must be run within a transaction');
  // Committing twice is how a driver retries a commit whose answer it lost.
  if (txn.state !== 'committed') store.commit(txn);
  return { ok: 1 };
};

const abortTransaction: CommandHandler = ({ store, txn }) => {
  if (!txn)
    throw new MongoError('InvalidOptions', 'abortTransaction must be run within a transaction');
  if (txn.state === 'committed') {
    throw new MongoError(
      'TransactionCommitted',
      `Transaction ${txn.txnNumber} has been committed.`,
    );
  }
  if (txn.state === 'aborted') {
    throw new MongoError('NoSuchTransaction', `Transaction ${txn.txnNumber} has been aborted.`);
  }
  store.abort(txn);
  return { ok: 1 };
};

export const transactionCommands: CommandTable = { commitTransaction, abortTransaction };
