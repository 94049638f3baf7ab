import { Long } from 'bson';
import { MongoError } from './errors.js';
import { encodedSize } from './encoded.js';
import { MAX_BSON_OBJECT_SIZE } from './wire.js';
import type { Doc } from './values.js';

/** MongoDB's default first batch for find and aggregate. */
export const DEFAULT_FIRST_BATCH = 101;
/** Keep a reply well inside the maximum message size. */
const MAX_BATCH_BYTES = MAX_BSON_OBJECT_SIZE - 64 * 1024;

interface OpenCursor {
  namespace: string;
  docs: Doc[];
  position: number;
  lastUsed: number;
}

export interface CursorReply {
  id: Long;
  ns: string;
  firstBatch?: Doc[];
  nextBatch?: Doc[];
}

/**
 * Server-side cursors over materialised results: the first batch goes out with the command,
 * the rest through `getMore` until the cursor is exhausted, killed or idle too long.
 */
export class CursorRegistry {
  private readonly cursors = new Map<string, OpenCursor>();
  private nextId = BigInt(1 + Math.floor(Math.random() * 2 ** 40));

  open(
    namespace: string,
    docs: Doc[],
    batchSize: number | undefined,
    singleBatch = false,
  ): CursorReply {
    const cursor: OpenCursor = { namespace, docs, position: 0, lastUsed: Date.now() };
    const firstBatch = this.take(cursor, batchSize ?? DEFAULT_FIRST_BATCH);
    if (singleBatch || cursor.position >= docs.length) {
      return { id: Long.ZERO, ns: namespace, firstBatch };
    }
    const id = this.nextId++;
    this.cursors.set(id.toString(), cursor);
    return { id: Long.fromBigInt(id), ns: namespace, firstBatch };
  }

  getMore(id: Long, namespace: string, batchSize: number | undefined): CursorReply {
    const key = id.toString();
    const cursor = this.cursors.get(key);
    if (!cursor || cursor.namespace !== namespace) {
      throw new MongoError('CursorNotFound', `cursor id ${key} not found`);
    }
    cursor.lastUsed = Date.now();
    const nextBatch = this.take(cursor, batchSize && batchSize > 0 ? batchSize : Infinity);
    if (cursor.position >= cursor.docs.length) {
      this.cursors.delete(key);
      return { id: Long.ZERO, ns: namespace, nextBatch };
    }
    return { id, ns: namespace, nextBatch };
  }

  kill(ids: Long[]): { killed: Long[]; notFound: Long[] } {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) (this.cursors.delete(id.toString()) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  reapIdle(maxIdleMs: number): void {
    const cutoff = Date.now() - maxIdleMs;
    for (const [id, cursor] of this.cursors) if (cursor.lastUsed < cutoff) this.cursors.delete(id);
  }

  get size(): number {
    return this.cursors.size;
  }

  private take(cursor: OpenCursor, count: number): Doc[] {
    const batch: Doc[] = [];
    let bytes = 0;
    while (batch.length < count && cursor.position < cursor.docs.length) {
      const doc = cursor.docs[cursor.position] as Doc;
      // The first document always goes; its size only counts when another may follow.
      const another = count > 1 && cursor.position + 1 < cursor.docs.length;
      if (batch.length > 0 || another) bytes += encodedSize(doc);
      if (batch.length > 0 && bytes > MAX_BATCH_BYTES) break;
      batch.push(doc);
      cursor.position += 1;
    }
    return batch;
  }
}
