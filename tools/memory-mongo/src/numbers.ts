import {
  Binary,
  DBRef,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
} from 'bson';
import { isPlainObject } from './values.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const isInt32Range = (value: number): boolean =>
  Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;

/**
 * Decoded with `promoteValues: false`, numbers arrive wrapped. Int32 and fractional doubles
 * become plain numbers (BSON writes them back as the same type); a whole-number double stays a
 * `Double` (a plain number would go back as int32), and Long and Decimal128 stay as they are.
 * Everything else in the command works with plain numbers.
 */
export function normalizeDecoded<T>(value: T): T {
  if (value instanceof Int32) return value.valueOf() as T;
  if (value instanceof Double) {
    const number = value.valueOf();
    return (isInt32Range(number) ? value : number) as T;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normalizeDecoded(value[i]);
  } else if (isPlainObject(value)) {
    const document: Record<string, unknown> = value;
    for (const key of Object.keys(document)) document[key] = normalizeDecoded(document[key]);
  }
  return value;
}

export type StringFold = ((text: string) => string) | undefined;

const KEEP_CASE = new Set(['$type', '$options']);

const views = new WeakMap<object, object>();
const originals = new WeakMap<object, object>();

/**
 * The document as queries see it: every BSON number as a plain number (so 5, NumberLong(5),
 * 5.0 and Decimal128('5') compare equal) and, under a case-insensitive collation, strings
 * folded. Parts that need no change are shared; the result is cached per stored document.
 */
export function queryView<T>(value: T, fold?: StringFold): T {
  if (value === null || typeof value !== 'object') {
    return (typeof value === 'string' && fold ? fold(value) : value) as T;
  }
  // ObjectIds, dates, BinData and the like are their own view: no need to cache them.
  if (isOwnView(value)) return value;
  if (!fold) {
    const cached = views.get(value);
    if (cached) return cached as T;
  }
  const view = buildView(value, fold);
  if (!fold) views.set(value, view as object);
  if (view !== value && typeof view === 'object' && view !== null) originals.set(view, value);
  return view as T;
}

function isOwnView(value: object): boolean {
  if (Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype || proto === null) return false;
  return !(
    value instanceof DBRef ||
    value instanceof Double ||
    value instanceof Long ||
    value instanceof Decimal128
  );
}

const DBREF_FIELDS = new Set(['$ref', '$id', '$db']);

/** The name a query view gives a DBRef field, so mingo does not take `$id` for an operator. */
export function dbRefField(name: string): string {
  return DBREF_FIELDS.has(name) ? `__dbref${name}` : name;
}

function buildView(value: object, fold: StringFold): unknown {
  if (value instanceof DBRef) {
    const { collection, oid, db, fields } = value;
    return queryView(
      {
        [dbRefField('$ref')]: collection,
        [dbRefField('$id')]: oid,
        ...(db ? { [dbRefField('$db')]: db } : {}),
        ...fields,
      },
      fold,
    );
  }
  if (value instanceof Double) return value.valueOf();
  if (value instanceof Timestamp) return value;
  if (value instanceof Long) return value.toNumber();
  if (value instanceof Decimal128) return Number(value.toString());
  if (Array.isArray(value)) {
    const mapped = value.map((item: unknown) => queryView(item, fold));
    return mapped.some((item, i) => item !== value[i]) ? mapped : value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const item = value[key];
    // Type names and regex options are not data: a collation never folds them.
    const mapped = queryView(item, KEEP_CASE.has(key) ? undefined : fold);
    if (mapped !== item) {
      copy ??= { ...value };
      copy[key] = mapped;
    }
  }
  return copy ?? value;
}

/** The stored value a query view was made from. */
export function originalOf<T>(view: T): T {
  return (view !== null && typeof view === 'object' ? (originals.get(view) ?? view) : view) as T;
}

/** MongoDB's type name for a stored value, as `$type` and `$toString` name them. */
export function bsonTypeOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return isInt32Range(value) ? 'int' : 'double';
  }
  if (Array.isArray(value)) return 'array';
  if (value instanceof Double) return 'double';
  if (value instanceof Int32) return 'int';
  if (value instanceof Timestamp) return 'timestamp';
  if (value instanceof Long) return 'long';
  if (value instanceof Decimal128) return 'decimal';
  if (value instanceof ObjectId) return 'objectId';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  if (value instanceof Binary) return 'binData';
  if (value instanceof MinKey) return 'minKey';
  if (value instanceof MaxKey) return 'maxKey';
  return 'object';
}

const TYPE_NUMBERS: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  6: 'undefined',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  [-1]: 'minKey',
  127: 'maxKey',
};

const NUMERIC_TYPES = new Set(['double', 'int', 'long', 'decimal']);

export function matchesBsonType(value: unknown, expected: unknown): boolean {
  const name = typeof expected === 'number' ? TYPE_NUMBERS[expected] : String(expected);
  const actual = bsonTypeOf(value);
  return name === actual || (name === 'number' && NUMERIC_TYPES.has(actual));
}
