import { ObjectId } from 'bson';
import { Query } from 'mingo';
import { queryView, type StringFold } from '../numbers.js';
import { type Collation, stringFold } from '../query.js';
import { compareValues } from '../sort.js';
import { type Doc, keyString, valuesAtParts, valuesAtPath } from '../values.js';
import { OrderedList } from './ordered-list.js';
import { TextIndex } from './text-index.js';

/** The index document as `listIndexes` shows it. */
export type IndexSpec = Doc & { key: Doc; name: string; v: number };

export interface IndexKey {
  key: string;
  /** field -> value, as a duplicate key error reports it */
  keyValue: Doc;
}

/** One key of a document in an index's sorted order: values (query views) in field order. */
export interface IndexEntry {
  values: unknown[];
  id: string;
  /** The document's position in natural order: equal keys keep natural order. */
  seq: number;
}

/**
 * MongoDB's order of two key values (simple collation); numbers, strings, ObjectIds and dates,
 * the common keys, skip the type ranking. NaN sorts below every other number, as in MongoDB.
 */
export function compareKeys(a: unknown, b: unknown): number {
  const type = typeof a;
  if (type === typeof b) {
    if (type === 'string') return (a as string) < (b as string) ? -1 : a === b ? 0 : 1;
    if (type === 'number') {
      const x = a as number;
      const y = b as number;
      if (x < y) return -1;
      if (x > y) return 1;
      if (x === y) return 0;
      return (x === x ? 1 : 0) - (y === y ? 1 : 0);
    }
  }
  // Byte order is the order of the hex strings the type ranking compares.
  if (a instanceof ObjectId && b instanceof ObjectId) return compareObjectIds(a, b);
  if (a instanceof Date && b instanceof Date) {
    const order = a.getTime() - b.getTime();
    if (order === order) return order;
  }
  return compareValues(a, b);
}

/** bson keeps an ObjectId's 12 bytes as four 24-bit numbers (not part of its typed API). */
interface ObjectIdParts {
  i0?: unknown;
  i1: number;
  i2: number;
  i3: number;
}

/**
 * ObjectIds in byte order. `id` builds a new buffer on every read, and index scans compare
 * ObjectIds a lot, so bson's four 24-bit parts (big-endian, in byte order) are compared when it
 * has them.
 */
function compareObjectIds(a: ObjectId, b: ObjectId): number {
  const x = a as unknown as ObjectIdParts;
  const y = b as unknown as ObjectIdParts;
  if (typeof x.i0 === 'number' && typeof y.i0 === 'number') {
    return x.i0 - y.i0 || x.i1 - y.i1 || x.i2 - y.i2 || x.i3 - y.i3;
  }
  const bytesA = a.id;
  const bytesB = b.id;
  for (let i = 0; i < 12; i++) {
    if (bytesA[i] !== bytesB[i]) return (bytesA[i] as number) - (bytesB[i] as number);
  }
  return 0;
}

const KEY_SEPARATOR = '\u0001';
const MAX_KEYS_PER_DOCUMENT = 1000;

/**
 * A secondary index. Regular indexes keep a hash map from key to document ids, which serves
 * unique constraints, and the same keys in order (MongoDB's order, the key pattern's
 * directions, then natural order) in a B+-tree, which serves equality, range and sorted scans. Text
 * indexes hold a TextIndex. 2dsphere and hashed indexes are accepted and listed, not used.
 */
export class Index {
  readonly spec: IndexSpec;
  /** The key as the client asked for it (a text index lists another). */
  readonly requestedKey: Doc;
  readonly name: string;
  readonly fields: string[];
  readonly unique: boolean;
  readonly sparse: boolean;
  readonly expireAfterSeconds: number | undefined;
  readonly text: TextIndex | undefined;
  /** Usable for equality lookups on `fields`. */
  readonly supportsEquality: boolean;
  private readonly partial: Query | undefined;
  private readonly caseInsensitive: boolean;
  /**
   * Strings as the index's collation compares them in keys (strength 1 also ignores diacritics,
   * `caseLevel` keeps case). Such indexes serve no equality lookups, so `keyForValues` needs none.
   */
  private readonly fold: StringFold;
  /** 1 or -1 per field, as the key pattern asks. */
  readonly directions: Array<1 | -1>;
  /** `fields` split at their dots, once. */
  private readonly fieldParts: string[][];
  /** Some document had several keys (an array on an indexed path); never reset, as in MongoDB. */
  multikey = false;
  /**
   * Key -> the ids of the documents under it: the id itself while there is one (most keys: a
   * Set per key was a quarter of the memory a stored document kept alive), a Set from two on.
   */
  private readonly entries = new Map<string, string | Set<string>>();
  /** Every key in order (see `compareEntries`), in a B+-tree that counts positions. */
  readonly sorted = new OrderedList<IndexEntry>();
  private readonly recentKeys: Array<[Doc, IndexKey[]] | undefined> = [undefined, undefined];

  constructor(
    spec: IndexSpec,
    options: { requestedKey?: Doc; textWeights?: Record<string, number> | undefined } = {},
  ) {
    const textFields = options.textWeights;
    this.spec = spec;
    this.requestedKey = options.requestedKey ?? spec.key;
    this.name = spec.name;
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    this.expireAfterSeconds =
      typeof spec.expireAfterSeconds === 'number' ? spec.expireAfterSeconds : undefined;
    const partial = spec.partialFilterExpression as Doc | undefined;
    this.partial = partial ? new Query(partial, {}) : undefined;
    const collation = spec.collation as { strength?: number } | undefined;
    this.caseInsensitive = collation?.strength !== undefined && collation.strength <= 2;
    this.fold = stringFold(spec.collation as Collation | undefined);
    const keyValues = Object.values(spec.key);
    const special = keyValues.some((value) => typeof value === 'string');
    this.fields = textFields ? [] : Object.keys(spec.key);
    this.text = textFields
      ? new TextIndex(textFields, String(spec.default_language ?? 'english'))
      : undefined;
    this.supportsEquality = !special && !this.sparse && !this.partial && !this.caseInsensitive;
    this.directions = this.fields.map((field) => (Number(spec.key[field]) < 0 ? -1 : 1));
    this.fieldParts = this.fields.map((field) => field.split('.'));
  }

  /** Orders two entries' values by the key pattern (then callers break ties by `seq`). */
  compareValues(a: unknown[], b: unknown[]): number {
    for (let i = 0; i < a.length; i++) {
      const order = compareKeys(a[i], b[i]);
      if (order !== 0) return order * (this.directions[i] as number);
    }
    return 0;
  }

  private compareEntries(a: IndexEntry, b: IndexEntry): number {
    return this.compareValues(a.values, b.values) || a.seq - b.seq;
  }

  /** Whether `existing` comes before `entry` in the index's order. */
  private isBefore(entry: IndexEntry): (existing: IndexEntry) => boolean {
    return (existing) => this.compareEntries(existing, entry) < 0;
  }

  /** The first position at or after `from` whose entry `before` does not place before the range. */
  lowerBound(before: (entry: IndexEntry) => boolean, from = 0): number {
    return this.sorted.lowerBound(before, from);
  }

  private sortedEntries(keys: IndexKey[], id: string, seq: number): IndexEntry[] {
    if (keys.length > 1) this.multikey = true;
    return keys.map(({ keyValue }) => ({
      values: this.fields.map((field) => queryView(keyValue[field] ?? null)),
      id,
      seq,
    }));
  }

  /** Whether this index holds an entry for the document at all (sparse and partial rules). */
  covers(document: Doc): boolean {
    if (this.partial && !this.partial.test(document)) return false;
    if (
      this.sparse &&
      this.fields.every((field) => valuesAtPath(document, field)[0] === undefined)
    ) {
      return false;
    }
    return true;
  }

  /**
   * The keys of `document`; callers must not modify them. A write asks for the keys of the same
   * new document several times (unique checks, locks, the index itself), so the last two
   * documents' keys are kept: stored documents never change.
   */
  keysFor(document: Doc): IndexKey[] {
    if (this.recentKeys[0]?.[0] === document) return this.recentKeys[0][1];
    if (this.recentKeys[1]?.[0] === document) return this.recentKeys[1][1];
    const keys = this.computeKeys(document);
    this.recentKeys[1] = this.recentKeys[0];
    this.recentKeys[0] = [document, keys];
    return keys;
  }

  private computeKeys(document: Doc): IndexKey[] {
    if (this.text || !this.covers(document)) return [];
    const found = this.fieldParts.map((parts) => valuesAtParts(document, parts));
    if (found.every((values) => values.length === 1)) {
      // One value per field (no array on the key's paths): one key. Joined, not concatenated:
      // `a + b` of several fields is a tree of its pieces (a handful of objects per key, for as
      // long as the document is stored, for every major collection to mark); `join` builds one
      // flat string.
      const keyValue: Doc = {};
      const parts: string[] = [];
      for (let i = 0; i < this.fields.length; i++) {
        const value = (found[i] as unknown[])[0];
        parts.push(keyString(this.folded(value)));
        keyValue[this.fields[i] as string] = value ?? null;
      }
      return [
        { key: parts.length === 1 ? (parts[0] as string) : parts.join(KEY_SEPARATOR), keyValue },
      ];
    }
    let combos: Array<{ parts: string[]; keyValue: Doc }> = [{ parts: [], keyValue: {} }];
    for (const [i, field] of this.fields.entries()) {
      const seen = new Map<string, unknown>();
      for (const value of found[i] as unknown[]) {
        seen.set(keyString(this.folded(value)), value ?? null);
      }
      const next: typeof combos = [];
      for (const combo of combos) {
        for (const [part, value] of seen) {
          next.push({
            parts: [...combo.parts, part],
            keyValue: { ...combo.keyValue, [field]: value },
          });
          if (next.length > MAX_KEYS_PER_DOCUMENT) break;
        }
      }
      combos = next;
    }
    return combos.map(({ parts, keyValue }) => ({ key: parts.join(KEY_SEPARATOR), keyValue }));
  }

  /** The key an equality query asks for, one value per field in index order. */
  keyForValues(values: unknown[]): string {
    return values.map((value) => keyString(value, this.caseInsensitive)).join(KEY_SEPARATOR);
  }

  private folded(value: unknown): unknown {
    return typeof value === 'string' && this.fold ? this.fold(value) : value;
  }

  lookup(key: string): Iterable<string> | undefined {
    const ids = this.entries.get(key);
    return typeof ids === 'string' ? [ids] : ids;
  }

  /** Appends the ids under `key` to `into` (a lookup that allocates nothing for one id). */
  collectIds(key: string, into: string[]): void {
    const ids = this.entries.get(key);
    if (typeof ids === 'string') into.push(ids);
    else if (ids) for (const id of ids) into.push(id);
  }

  add(id: string, document: Doc, seq = 0): void {
    if (this.text) {
      this.text.add(id, document);
      return;
    }
    const keys = this.keysFor(document);
    for (const { key } of keys) {
      const ids = this.entries.get(key);
      if (ids === undefined) this.entries.set(key, id);
      else if (typeof ids !== 'string') ids.add(id);
      else if (ids !== id) this.entries.set(key, new Set([ids, id]));
    }
    if (!this.supportsEquality) return;
    for (const entry of this.sortedEntries(keys, id, seq))
      this.sorted.insert(entry, this.isBefore(entry));
  }

  /**
   * A document's new version in place of its previous one. Most updates leave an index's keys as
   * they were (the same key strings, so the same sorted entries): then nothing moves.
   */
  replace(id: string, previous: Doc, document: Doc, seq = 0): void {
    if (!this.text && sameKeys(this.keysFor(previous), this.keysFor(document))) return;
    this.remove(id, previous, seq);
    this.add(id, document, seq);
  }

  remove(id: string, document: Doc, seq = 0): void {
    if (this.text) {
      this.text.remove(id);
      return;
    }
    const keys = this.keysFor(document);
    for (const { key } of keys) {
      const ids = this.entries.get(key);
      if (ids === id) this.entries.delete(key);
      else if (typeof ids === 'object') {
        ids.delete(id);
        if (ids.size === 0) this.entries.delete(key);
      }
    }
    if (!this.supportsEquality) return;
    for (const entry of this.sortedEntries(keys, id, seq)) {
      const at = this.sorted.lowerBound(this.isBefore(entry));
      if (this.sorted.at(at)?.id === id) this.sorted.removeAt(at);
    }
  }

  clear(): void {
    this.entries.clear();
    this.sorted.clear();
    this.text?.clear();
  }
}

function sameKeys(a: IndexKey[], b: IndexKey[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if ((a[i] as IndexKey).key !== (b[i] as IndexKey).key) return false;
  return true;
}
