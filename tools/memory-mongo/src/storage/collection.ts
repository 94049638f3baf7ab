import { UUID } from 'bson';
import type { Doc } from '../values.js';
import type { Index, IndexSpec } from './index.js';

/**
 * One committed version of a document, newest first: `older` links the versions an open
 * transaction's snapshot may still read (usually none). One object per stored document rather
 * than a list of versions (an array and its backing store) besides it: every major collection of
 * the process marks these.
 */
interface Version {
  /** The record's id as stored (the key of `records` and of every index entry). */
  readonly id: string;
  /** Commit timestamp of the write that produced this version. */
  readonly ts: number;
  /** null: deleted at `ts` */
  readonly doc: Doc | null;
  older: Version | undefined;
}

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/**
 * One collection's committed state. Every document keeps the versions still visible to an
 * open transaction's snapshot, so transactions read a stable snapshot while others commit.
 * Secondary indexes always describe the latest committed state.
 */
export class Collection {
  readonly db: string;
  name: string;
  readonly uuid = new UUID();
  readonly options: Doc;
  readonly indexes: Index[] = [];
  /** Timestamp of the latest commit that touched this collection. */
  lastCommitTs = 0;
  /** The newest version of each record, by id, in natural (insertion) order. */
  private readonly records = new Map<string, Version>();
  /** Each record's position in natural order (the order of `records`), for index scans. */
  private readonly seqs = new Map<string, number>();
  private nextSeq = 0;

  constructor(db: string, name: string, options: Doc = {}) {
    this.db = db;
    this.name = name;
    this.options = options;
  }

  get namespace(): string {
    return `${this.db}.${this.name}`;
  }

  latest(id: string): Doc | undefined {
    return this.records.get(id)?.doc ?? undefined;
  }

  latestTs(id: string): number {
    return this.records.get(id)?.ts ?? 0;
  }

  /** The document as a snapshot taken at `ts` sees it. */
  at(id: string, ts: number): Doc | undefined {
    for (let version = this.records.get(id); version; version = version.older) {
      if (version.ts <= ts) return version.doc ?? undefined;
    }
    return undefined;
  }

  read(id: string, snapshotTs: number | undefined): Doc | undefined {
    return snapshotTs === undefined ? this.latest(id) : this.at(id, snapshotTs);
  }

  /** The record's position in natural order (undefined once it is gone). */
  seqOf(id: string): number | undefined {
    return this.seqs.get(id);
  }

  /** Ids in natural (insertion) order. */
  ids(): IterableIterator<string> {
    return this.records.keys();
  }

  count(): number {
    let count = 0;
    for (const version of this.records.values()) if (version.doc) count++;
    return count;
  }

  /**
   * Commits one document version. `oldestSnapshot` is the oldest snapshot an open transaction
   * still reads; versions no snapshot can see are dropped.
   */
  commit(id: string, doc: Doc | null, ts: number, oldestSnapshot: number | undefined): void {
    const newest = this.records.get(id);
    const previous = newest?.doc ?? undefined;
    if (newest) {
      // The id as stored: the indexes keep it in the entries this write adds, so a changed
      // document keeps pointing at the one string instead of the one its caller built.
      id = newest.id;
    } else {
      // A new record: its id is kept as long as the record (as the key here and in the indexes),
      // so as one flat string, not the concatenation it was built as (two objects, or more).
      id = flatString(id);
      this.seqs.set(id, this.nextSeq++);
    }
    const seq = this.seqs.get(id) as number;
    if (previous && doc) for (const index of this.indexes) index.replace(id, previous, doc, seq);
    else if (previous) for (const index of this.indexes) index.remove(id, previous, seq);
    else if (doc) for (const index of this.indexes) index.add(id, doc, seq);
    const version: Version = { id, ts, doc, older: newest };
    // Setting an existing key keeps its place in the Map: natural order does not change.
    this.records.set(id, version);
    this.lastCommitTs = ts;
    this.prune(id, version, oldestSnapshot);
  }

  private prune(id: string, newest: Version, oldestSnapshot: number | undefined): void {
    if (oldestSnapshot === undefined) {
      newest.older = undefined;
      if (newest.doc === null) {
        this.records.delete(id);
        this.seqs.delete(id);
      }
      return;
    }
    // Keep the newest version the oldest snapshot can see, and everything after it.
    for (let version: Version | undefined = newest; version; version = version.older) {
      if (version.ts <= oldestSnapshot) {
        version.older = undefined;
        return;
      }
    }
  }

  /** Drops old versions of every document once no transaction needs them. */
  vacuum(oldestSnapshot: number | undefined): void {
    for (const [id, newest] of this.records) {
      if (newest.older || newest.doc === null) this.prune(id, newest, oldestSnapshot);
    }
  }

  addIndex(index: Index): void {
    for (const [id, newest] of this.records) {
      if (newest.doc) index.add(id, newest.doc, this.seqs.get(id));
    }
    this.indexes.push(index);
  }

  findIndex(name: string): Index | undefined {
    return this.indexes.find((index) => index.name === name);
  }

  removeIndex(index: Index): void {
    this.indexes.splice(this.indexes.indexOf(index), 1);
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX_SPEC, ...this.indexes.map((index) => index.spec)];
  }
}

/**
 * The same text as one sequential string. V8 keeps `a + b` of 13 characters or more as a pair of
 * pointers to its parts; JSON's parser always builds a new flat string.
 */
function flatString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
