import type { ClientSession } from 'mongoose';
import { isDuplicateKeyError } from '../../../core/db/duplicate-key.js';
import { ScheduleLock } from './schedule-lock.model.js';

/**
 * Makes sure the lock documents exist before a transaction bumps them. Inserting one inside a
 * transaction would race on the unique index instead of on a document; creating it up front
 * (a plain upsert; a concurrent creator's duplicate key is fine) keeps the conflict a plain
 * write conflict on an existing document.
 */
export async function prepareScheduleLocks(owners: readonly string[]): Promise<void> {
  const missing = await Promise.all(
    owners.map(async (owner) => ((await ScheduleLock.exists({ owner })) ? null : owner)),
  );
  await Promise.all(
    missing.map(async (owner) => {
      if (owner === null) return;
      try {
        await ScheduleLock.updateOne(
          { owner },
          { $setOnInsert: { owner, version: 0 } },
          { upsert: true },
        );
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }),
  );
}

/**
 * The first writes of a scheduling transaction: bump each owner's lock document, in a fixed
 * order. Any other transaction that bumps one of them conflicts with this one in the database.
 */
export async function lockSchedules(
  owners: readonly string[],
  session: ClientSession,
): Promise<void> {
  for (const owner of [...new Set(owners)].sort()) {
    await ScheduleLock.updateOne({ owner }, { $inc: { version: 1 } }, { upsert: true, session });
  }
}
