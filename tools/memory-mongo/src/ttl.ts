import type { Store } from './storage/store.js';
import { keyString, valuesAtPath } from './values.js';

/**
 * The TTL monitor: deletes documents whose indexed date is older than the index's
 * `expireAfterSeconds`, like MongoDB's background task. Documents a transaction holds are
 * left for the next pass.
 */
export function expireDocuments(store: Store, now = Date.now()): number {
  let removed = 0;
  for (const collections of store.databases.values()) {
    for (const collection of collections.values()) {
      for (const index of collection.indexes) {
        const field = index.fields[0];
        if (index.expireAfterSeconds === undefined || index.fields.length !== 1 || !field) continue;
        const cutoff = now - index.expireAfterSeconds * 1000;
        for (const doc of store.scan(collection, undefined)) {
          const dates = valuesAtPath(doc, field).filter(
            (value): value is Date => value instanceof Date,
          );
          if (dates.length === 0 || Math.min(...dates.map((date) => date.getTime())) > cutoff)
            continue;
          const change = { id: keyString(doc._id), after: null };
          try {
            store.checkWritable(collection, [change], undefined);
            store.write(collection, change, undefined);
            removed += 1;
          } catch {
            // Held by an open transaction: expire it on a later pass.
          }
        }
      }
    }
  }
  return removed;
}
