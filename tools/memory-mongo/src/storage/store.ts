import { MongoError, writeConflict } from '../errors.js';
import { type Doc, describeKeyValue } from '../values.js';
import { Collection } from './collection.js';
import type { Index } from './index.js';
import type { Transaction } from './transaction.js';

/** One document write: `after` null deletes. */
export interface Change {
  id: string;
  after: Doc | null;
}

/** Thrown when a non-transactional write touches what an open transaction holds. */
export class LockWait {
  constructor(readonly transaction: Transaction) {}
}

const NAME_PATTERN = /^[^\0$]+$/;

/**
 * The whole data set: databases and collections, the commit clock, and the locks open
 * transactions hold. Every method runs synchronously, so each command applies atomically.
 */
export class Store {
  private clock = 0;
  readonly databases = new Map<string, Map<string, Collection>>();
  readonly activeTransactions = new Set<Transaction>();
  private readonly locks = new Map<string, Transaction>();
  /** Collections holding old versions that an open snapshot may still need. */
  private readonly versioned = new Set<Collection>();

  get now(): number {
    return this.clock;
  }

  collection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  /** Creates the collection on first use, as MongoDB does for inserts and index builds. */
  ensureCollection(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.createCollection(db, name, {});
  }

  createCollection(db: string, name: string, options: Doc): Collection {
    assertValidName(db, name);
    if (this.collection(db, name)) {
      throw new MongoError('NamespaceExists', `Collection ${db}.${name} already exists.`);
    }
    let collections = this.databases.get(db);
    if (!collections) this.databases.set(db, (collections = new Map()));
    const collection = new Collection(db, name, options);
    collections.set(name, collection);
    return collection;
  }

  dropCollection(db: string, name: string): Collection | undefined {
    const collection = this.collection(db, name);
    if (!collection) return undefined;
    const collections = this.databases.get(db);
    collections?.delete(name);
    if (collections?.size === 0) this.databases.delete(db);
    return collection;
  }

  dropDatabase(db: string): void {
    this.databases.delete(db);
  }

  renameCollection(db: string, from: string, toDb: string, to: string, dropTarget: boolean): void {
    const source = this.collection(db, from);
    if (!source)
      throw new MongoError('NamespaceNotFound', `Source collection ${db}.${from} does not exist`);
    assertValidName(toDb, to);
    if (this.collection(toDb, to)) {
      if (!dropTarget)
        throw new MongoError('NamespaceExists', `Collection ${toDb}.${to} already exists.`);
      this.dropCollection(toDb, to);
    }
    if (toDb !== db)
      throw new MongoError(
        'IllegalOperation',
        'renaming across databases is not supported by memory-mongo',
      );
    this.databases.get(db)?.delete(from);
    source.name = to;
    this.ensureDatabase(db).set(to, source);
  }

  private ensureDatabase(db: string): Map<string, Collection> {
    let collections = this.databases.get(db);
    if (!collections) this.databases.set(db, (collections = new Map()));
    return collections;
  }

  // ---- reads ---------------------------------------------------------------------------

  read(collection: Collection, id: string, txn: Transaction | undefined): Doc | undefined {
    if (!txn) return collection.latest(id);
    const own = txn.ownWrites(collection);
    if (own?.has(id)) return own.get(id) ?? undefined;
    return collection.at(id, txn.snapshotTs);
  }

  /** Every document the reader sees, in natural order. */
  scan(collection: Collection, txn: Transaction | undefined): Doc[] {
    return [...this.iterate(collection, txn)];
  }

  /** The same documents as `scan`, produced one at a time so a limited query stops early. */
  *iterate(collection: Collection, txn: Transaction | undefined): Generator<Doc> {
    if (!txn) {
      for (const id of collection.ids()) {
        const doc = collection.latest(id);
        if (doc) yield doc;
      }
      return;
    }
    const own = txn.ownWrites(collection);
    for (const id of collection.ids()) {
      const doc = own?.has(id) ? own.get(id) : collection.at(id, txn.snapshotTs);
      if (doc) yield doc;
    }
    if (own) {
      for (const [id, doc] of own) if (doc && !collection.latestTs(id)) yield doc;
    }
  }

  /** Whether the latest-state indexes describe what this reader sees. */
  indexesValidFor(collection: Collection, txn: Transaction | undefined): boolean {
    return !txn || collection.lastCommitTs <= txn.snapshotTs;
  }

  // ---- writes --------------------------------------------------------------------------

  /**
   * Checks, before anything is written, that a statement's changes can proceed: a transaction
   * meets a write conflict, a plain write waits for the transaction in its way.
   */
  checkWritable(collection: Collection, changes: Change[], txn: Transaction | undefined): void {
    // Without transactions nothing holds a lock and nothing can conflict.
    if (!txn && this.locks.size === 0) return;
    for (const change of changes) {
      const holder = this.locks.get(docLock(collection, change.id));
      if (holder && holder !== txn && holder.active) {
        if (txn) throw writeConflict();
        throw new LockWait(holder);
      }
      if (txn && collection.latestTs(change.id) > txn.snapshotTs) throw writeConflict();
      if (!change.after) continue;
      for (const index of collection.indexes) {
        if (!index.unique) continue;
        for (const { key } of index.keysFor(change.after)) {
          const keyHolder = this.locks.get(keyLock(collection, index, key));
          if (keyHolder && keyHolder !== txn && keyHolder.active) {
            if (txn) throw writeConflict();
            throw new LockWait(keyHolder);
          }
        }
      }
    }
  }

  /** Applies one change after checking unique indexes; throws DuplicateKey (11000). */
  write(collection: Collection, change: Change, txn: Transaction | undefined): void {
    if (change.after) this.checkUnique(collection, change.id, change.after, txn);
    if (!txn) {
      this.clock += 1;
      collection.commit(change.id, change.after, this.clock, this.oldestSnapshot());
      if (this.activeTransactions.size > 0) this.versioned.add(collection);
      return;
    }
    txn.record(collection, change.id, change.after);
    this.lock(txn, docLock(collection, change.id));
    if (change.after) {
      for (const index of collection.indexes) {
        if (!index.unique) continue;
        for (const { key } of index.keysFor(change.after))
          this.lock(txn, keyLock(collection, index, key));
      }
    }
  }

  private lock(txn: Transaction, name: string): void {
    if (this.locks.get(name) === txn) return;
    this.locks.set(name, txn);
    txn.locks.push(name);
  }

  private checkUnique(
    collection: Collection,
    id: string,
    doc: Doc,
    txn: Transaction | undefined,
  ): void {
    const own = txn?.ownWrites(collection);
    for (const index of collection.indexes) {
      if (!index.unique) continue;
      for (const { key, keyValue } of index.keysFor(doc)) {
        for (const other of index.lookup(key) ?? []) {
          if (other === id || own?.has(other)) continue;
          // A key committed after the snapshot belongs to a concurrent writer the transaction
          // could not see: a retry (with a new snapshot) resolves it, as on MongoDB.
          if (txn && collection.latestTs(other) > txn.snapshotTs) throw writeConflict();
          throw duplicateKey(collection, index, keyValue);
        }
        if (!own) continue;
        for (const [other, otherDoc] of own) {
          if (other === id || !otherDoc) continue;
          if (index.keysFor(otherDoc).some((candidate) => candidate.key === key)) {
            throw duplicateKey(collection, index, keyValue);
          }
        }
      }
    }
  }

  // ---- transactions --------------------------------------------------------------------

  oldestSnapshot(): number | undefined {
    let oldest: number | undefined;
    for (const txn of this.activeTransactions) {
      if (oldest === undefined || txn.snapshotTs < oldest) oldest = txn.snapshotTs;
    }
    return oldest;
  }

  begin(txn: Transaction): void {
    this.activeTransactions.add(txn);
  }

  /** The snapshot a transaction starting now reads. */
  snapshotTs(): number {
    return this.clock;
  }

  commit(txn: Transaction): void {
    if (!txn.active) return;
    this.activeTransactions.delete(txn);
    if (txn.writes.size > 0) {
      this.clock += 1;
      const oldest = this.oldestSnapshot();
      for (const [collection, writes] of txn.writes) {
        for (const [id, doc] of writes) collection.commit(id, doc, this.clock, oldest);
        if (this.activeTransactions.size > 0) this.versioned.add(collection);
      }
    }
    this.release(txn, 'committed');
  }

  abort(txn: Transaction, reason?: MongoError): void {
    if (!txn.active) return;
    this.activeTransactions.delete(txn);
    txn.abortReason = reason;
    this.release(txn, 'aborted');
  }

  private release(txn: Transaction, state: 'committed' | 'aborted'): void {
    for (const name of txn.locks) if (this.locks.get(name) === txn) this.locks.delete(name);
    txn.finish(state);
    const oldest = this.oldestSnapshot();
    for (const collection of this.versioned) collection.vacuum(oldest);
    if (oldest === undefined) this.versioned.clear();
  }
}

function docLock(collection: Collection, id: string): string {
  return `d\0${collection.uuid.toHexString()}\0${id}`;
}

function keyLock(collection: Collection, index: Index, key: string): string {
  return `k\0${collection.uuid.toHexString()}\0${index.name}\0${key}`;
}

export function duplicateKey(
  collection: Collection,
  index: Index | undefined,
  keyValue: Doc,
): MongoError {
  const indexName = index?.name ?? '_id_';
  const keyPattern = index?.spec.key ?? { _id: 1 };
  return new MongoError(
    'DuplicateKey',
    `E11000 duplicate key error collection: ${collection.namespace} index: ${indexName} dup key: ${describeKeyValue(keyValue)}`,
    { extra: { keyPattern, keyValue } },
  );
}

function assertValidName(db: string, name: string): void {
  if (!NAME_PATTERN.test(db) || db.includes('.') || db.includes(' ') || db.includes('/')) {
    throw new MongoError('InvalidNamespace', `Invalid database name: '${db}'`);
  }
  if (!NAME_PATTERN.test(name)) {
    throw new MongoError('InvalidNamespace', `Invalid collection name: '${name}'`);
  }
}
