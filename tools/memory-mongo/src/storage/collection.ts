import { UUID } from 'bson';
import type { Doc } from '../values.js';
import type { Index, IndexSpec } from './index.js';

interface Version {
  /** Commit timestamp of the write that produced this version. */
  ts: number;
  /** null: deleted at `ts` */
  doc: Doc | null;
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
  private readonly records = new Map<string, Version[]>();
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
    const versions = this.records.get(id);
    return versions?.[versions.length - 1]?.doc ?? undefined;
  }

  latestTs(id: string): number {
    const versions = this.records.get(id);
    return versions?.[versions.length - 1]?.ts ?? 0;
  }

  /** The document as a snapshot taken at `ts` sees it. */
  at(id: string, ts: number): Doc | undefined {
    const versions = this.records.get(id);
    if (!versions) return undefined;
    for (let i = versions.length - 1; i >= 0; i--) {
      const version = versions[i] as Version;
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
    for (const versions of this.records.values()) if (versions[versions.length - 1]?.doc) count++;
    return count;
  }

  /**
   * Commits one document version. `oldestSnapshot` is the oldest snapshot an open transaction
   * still reads; versions no snapshot can see are dropped.
   */
  commit(id: string, doc: Doc | null, ts: number, oldestSnapshot: number | undefined): void {
    const previous = this.latest(id);
    let versions = this.records.get(id);
    if (!versions) {
      this.records.set(id, (versions = []));
      this.seqs.set(id, this.nextSeq++);
    }
    const seq = this.seqs.get(id) as number;
    if (previous && doc) for (const index of this.indexes) index.replace(id, previous, doc, seq);
    else if (previous) for (const index of this.indexes) index.remove(id, previous, seq);
    else if (doc) for (const index of this.indexes) index.add(id, doc, seq);
    versions.push({ ts, doc });
    this.lastCommitTs = ts;
    this.prune(id, versions, oldestSnapshot);
  }

  private prune(id: string, versions: Version[], oldestSnapshot: number | undefined): void {
    if (oldestSnapshot === undefined) {
      if (versions.length > 1) versions.splice(0, versions.length - 1);
      if (versions[0]?.doc === null) {
        this.records.delete(id);
        this.seqs.delete(id);
      }
      return;
    }
    // Keep the newest version the oldest snapshot can see, and everything after it.
    let keepFrom = 0;
    for (let i = versions.length - 1; i >= 0; i--) {
      if ((versions[i] as Version).ts <= oldestSnapshot) {
        keepFrom = i;
        break;
      }
    }
    if (keepFrom > 0) versions.splice(0, keepFrom);
  }

  /** Drops old versions of every document once no transaction needs them. */
  vacuum(oldestSnapshot: number | undefined): void {
    for (const [id, versions] of this.records) {
      if (versions.length > 1 || versions[0]?.doc === null)
        this.prune(id, versions, oldestSnapshot);
    }
  }

  addIndex(index: Index): void {
    for (const [id, versions] of this.records) {
      const doc = versions[versions.length - 1]?.doc;
      if (doc) index.add(id, doc, this.seqs.get(id));
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
