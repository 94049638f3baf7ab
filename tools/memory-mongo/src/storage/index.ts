import { ObjectId } from 'bson';
import { Query } from 'mingo';
import { queryView, type StringFold } from '../numbers.js';
import { type Collation, stringFold } from '../query.js';
import { compareValues } from '../sort.js';
import { type Doc, keyString, valuesAtPath } from '../values.js';
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
  if (a instanceof ObjectId && b instanceof ObjectId) {
    const x = a.id;
    const y = b.id;
    for (let i = 0; i < 12; i++) {
      if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
    }
    return 0;
  }
  if (a instanceof Date && b instanceof Date) {
    const order = a.getTime() - b.getTime();
    if (order === order) return order;
  }
  return compareValues(a, b);
}

const KEY_SEPARATOR = '\u0001';
const MAX_KEYS_PER_DOCUMENT = 1000;

/**
 * A secondary index. Regular indexes keep a hash map from key to document ids, which serves
 * unique constraints, and the same keys in a sorted array (MongoDB's order, the key pattern's
 * directions, then natural order), which serves equality, range and sorted scans. Text
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
  /** Some document had several keys (an array on an indexed path); never reset, as in MongoDB. */
  multikey = false;
  private readonly entries = new Map<string, Set<string>>();
  /** Every key in order; see `compareEntries`. */
  readonly sorted: IndexEntry[] = [];

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

  /** First position whose entry is not before `entry`. */
  private position(entry: IndexEntry): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compareEntries(this.sorted[middle] as IndexEntry, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** First position whose entry `before` does not place before the wanted range. */
  lowerBound(before: (entry: IndexEntry) => boolean, from = 0, to = this.sorted.length): number {
    let low = from;
    let high = to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(this.sorted[middle] as IndexEntry)) low = middle + 1;
      else high = middle;
    }
    return low;
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

  keysFor(document: Doc): IndexKey[] {
    if (this.text || !this.covers(document)) return [];
    let combos: Array<{ parts: string[]; keyValue: Doc }> = [{ parts: [], keyValue: {} }];
    for (const field of this.fields) {
      const seen = new Map<string, unknown>();
      for (const value of valuesAtPath(document, field)) {
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

  lookup(key: string): ReadonlySet<string> | undefined {
    return this.entries.get(key);
  }

  add(id: string, document: Doc, seq = 0): void {
    if (this.text) {
      this.text.add(id, document);
      return;
    }
    const keys = this.keysFor(document);
    for (const { key } of keys) {
      let ids = this.entries.get(key);
      if (!ids) this.entries.set(key, (ids = new Set()));
      ids.add(id);
    }
    if (!this.supportsEquality) return;
    for (const entry of this.sortedEntries(keys, id, seq)) {
      const at = this.position(entry);
      if (at === this.sorted.length) this.sorted.push(entry);
      else this.sorted.splice(at, 0, entry);
    }
  }

  remove(id: string, document: Doc, seq = 0): void {
    if (this.text) {
      this.text.remove(id);
      return;
    }
    const keys = this.keysFor(document);
    for (const { key } of keys) {
      const ids = this.entries.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.entries.delete(key);
    }
    if (!this.supportsEquality) return;
    for (const entry of this.sortedEntries(keys, id, seq)) {
      const at = this.position(entry);
      if (this.sorted[at]?.id === id) this.sorted.splice(at, 1);
    }
  }

  clear(): void {
    this.entries.clear();
    this.sorted.length = 0;
    this.text?.clear();
  }
}
