import { Query } from 'mingo';
import type { StringFold } from '../numbers.js';
import { type Collation, stringFold } from '../query.js';
import { type Doc, keyString, valuesAtPath } from '../values.js';
import { TextIndex } from './text-index.js';

/** The index document as `listIndexes` shows it. */
export type IndexSpec = Doc & { key: Doc; name: string; v: number };

export interface IndexKey {
  key: string;
  /** field -> value, as a duplicate key error reports it */
  keyValue: Doc;
}

const KEY_SEPARATOR = '\u0001';
const MAX_KEYS_PER_DOCUMENT = 1000;

/**
 * A secondary index. Regular indexes keep a hash map from key to document ids, which serves
 * unique constraints and equality lookups (no range scans: those filter in memory). Text
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
  private readonly entries = new Map<string, Set<string>>();

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

  add(id: string, document: Doc): void {
    if (this.text) {
      this.text.add(id, document);
      return;
    }
    for (const { key } of this.keysFor(document)) {
      let ids = this.entries.get(key);
      if (!ids) this.entries.set(key, (ids = new Set()));
      ids.add(id);
    }
  }

  remove(id: string, document: Doc): void {
    if (this.text) {
      this.text.remove(id);
      return;
    }
    for (const { key } of this.keysFor(document)) {
      const ids = this.entries.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
    this.text?.clear();
  }
}
