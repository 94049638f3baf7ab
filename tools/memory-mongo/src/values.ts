import { Binary, Decimal128, Double, EJSON, Int32, Long, ObjectId, Timestamp } from 'bson';

export type Doc = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `{ $gt: 1 }` and friends: an object whose keys are operators. */
export function isOperatorObject(value: unknown): value is Doc {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

/** Numbers arrive as JS numbers, Int32/Double wrappers or Longs (cursor ids, txnNumber). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Long) return value.toNumber();
  if (value instanceof Int32 || value instanceof Double) return value.valueOf();
  if (value instanceof Decimal128) return Number(value.toString());
  return undefined;
}

/**
 * A canonical string for a value as an index key or `_id`: values MongoDB treats as equal map
 * to the same string (5, 5.0 and NumberLong(5) alike), so uniqueness and equality lookups can
 * use plain Maps.
 */
export function keyString(value: unknown, caseInsensitive = false): string {
  const key = rawKeyString(value, caseInsensitive);
  // V8 keeps a concatenation of 13 characters or more as a tree of its pieces (one object per
  // piece; an ObjectId's hex alone is a dozen) until a character is read. Keys live as long as
  // their documents, so they are flattened here, and the next collection drops the pieces.
  if (key.length > 12) key.charCodeAt(0);
  return key;
}

function rawKeyString(value: unknown, caseInsensitive: boolean): string {
  if (value === undefined || value === null) return 'z';
  switch (typeof value) {
    case 'string':
      return 's' + (caseInsensitive ? value.toLowerCase() : value);
    case 'number':
      return 'n' + String(value);
    case 'boolean':
      return value ? 'b1' : 'b0';
    case 'bigint':
      return 'n' + value.toString();
  }
  if (value instanceof ObjectId) return 'o' + value.toHexString();
  if (value instanceof Date) return 'd' + value.getTime();
  if (value instanceof Timestamp) return 't' + value.toString();
  if (value instanceof Long || value instanceof Int32 || value instanceof Double) {
    return 'n' + String(toNumber(value));
  }
  if (value instanceof Decimal128) return 'n' + String(Number(value.toString()));
  if (value instanceof Binary) return 'x' + value.toString('base64');
  if (value instanceof RegExp) return 'r' + value.toString();
  return 'j' + EJSON.stringify(value as Doc, { relaxed: false });
}

/**
 * Copies plain objects, arrays and dates so an update never touches a stored version.
 * BSON value classes (ObjectId, Long, Decimal128, Binary) are immutable and shared.
 */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneValue(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) {
    const copy: Doc = {};
    for (const key of Object.keys(value)) copy[key] = cloneValue(value[key]);
    return copy as T;
  }
  return value;
}

/**
 * Every value a dotted path reaches, descending into arrays as MongoDB does for queries and
 * multikey indexes. A missing path yields `[undefined]`.
 */
export function valuesAtPath(
  document: unknown,
  path: string,
  options: { keepLeafArrays?: boolean } = {},
): unknown[] {
  return collect(document, path.split('.'), 0, options.keepLeafArrays === true);
}

/** `valuesAtPath` for a path already split at its dots. */
export function valuesAtParts(document: unknown, parts: string[]): unknown[] {
  return collect(document, parts, 0, false);
}

function collect(
  value: unknown,
  parts: string[],
  index: number,
  keepLeafArrays: boolean,
): unknown[] {
  if (index === parts.length) {
    if (keepLeafArrays || !Array.isArray(value)) return [value];
    return value.length === 0 ? [undefined] : value;
  }
  const part = parts[index] as string;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part)) return collect(value[Number(part)], parts, index + 1, keepLeafArrays);
    const found = value.flatMap((item: unknown) =>
      isPlainObject(item) ? collect(item, parts, index, keepLeafArrays) : [],
    );
    return found.length > 0 ? found : [undefined];
  }
  if (isPlainObject(value)) return collect(value[part], parts, index + 1, keepLeafArrays);
  return [undefined];
}

/** True when a dotted path exists in the document (null counts as present). */
export function hasPath(document: unknown, path: string): boolean {
  return valuesAtPath(document, path).some((value) => value !== undefined);
}

/** Puts `_id` first, as MongoDB stores it. */
export function withIdFirst(document: Doc): Doc {
  const keys = Object.keys(document);
  if (keys[0] === '_id' || !('_id' in document)) return document;
  const ordered: Doc = { _id: document._id };
  for (const key of keys) if (key !== '_id') ordered[key] = document[key];
  return ordered;
}

/** `{ a: { b: 1 } }` style display used in duplicate key messages. */
export function describeKeyValue(keyValue: Doc): string {
  const parts = Object.entries(keyValue).map(([field, value]) => {
    const rendered =
      value === undefined || value === null
        ? 'null'
        : typeof value === 'string'
          ? JSON.stringify(value)
          : value instanceof ObjectId
            ? `ObjectId('${value.toHexString()}')`
            : value instanceof Date
              ? `new Date(${value.getTime()})`
              : EJSON.stringify(value as Doc, { relaxed: true });
    return `${field}: ${rendered}`;
  });
  return `{ ${parts.join(', ')} }`;
}
