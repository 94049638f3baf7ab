import { Binary, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { compare as mingoCompare } from 'mingo/util';
import { type Collation, collatorFor, compareBinary, TEXT_SCORE_FIELD } from './query.js';
import { MongoError } from './errors.js';
import { type Doc, isPlainObject, toNumber, valuesAtPath } from './values.js';

export type SortSpec = Record<string, 1 | -1>;

/** MongoDB's comparison order across BSON types (numbers of every width compare together). */
function typeRank(value: unknown): number {
  if (value instanceof MinKey) return 0;
  if (value === undefined || value === null) return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  if (Array.isArray(value)) return 5;
  if (isPlainObject(value)) return 4;
  if (value instanceof Binary) return 6;
  if (value instanceof ObjectId) return 7;
  if (typeof value === 'boolean') return 8;
  if (value instanceof Date) return 9;
  if (value instanceof Timestamp) return 10;
  if (value instanceof RegExp) return 11;
  if (value instanceof MaxKey) return 13;
  return 12;
}

type Comparator = (a: unknown, b: unknown) => number;

function comparatorFor(collation: Collation | undefined): Comparator {
  const collator = collatorFor(collation);
  return (a, b) => {
    const rankA = typeRank(a);
    const rankB = typeRank(b);
    if (rankA !== rankB) return rankA - rankB;
    switch (rankA) {
      case 1:
        return 0;
      case 2:
        return (a as number) - (b as number);
      case 3:
        return collator
          ? collator.compare(a as string, b as string)
          : a! < b!
            ? -1
            : a! > b!
              ? 1
              : 0;
      case 6:
        return compareBinary(a as Binary, b as Binary);
      case 7:
        return (a as ObjectId).toHexString().localeCompare((b as ObjectId).toHexString());
      case 8:
        return Number(a) - Number(b);
      case 9:
        return (a as Date).getTime() - (b as Date).getTime();
      default:
        return mingoCompare(a, b);
    }
  };
}

/** An array sorts by its smallest element ascending and its largest descending. */
function sortKey(doc: Doc, field: string, direction: 1 | -1, compare: Comparator): unknown {
  const values = valuesAtPath(doc, field);
  let key = values[0];
  for (let i = 1; i < values.length; i++) {
    const order = compare(values[i], key);
    if ((direction === 1 && order < 0) || (direction === -1 && order > 0)) key = values[i];
  }
  return key ?? null;
}

/** Checks a `sort` document: every direction must be 1 or -1. */
export function sortSpec(sort: Doc): SortSpec {
  const spec: SortSpec = {};
  for (const [field, direction] of Object.entries(sort)) {
    const order = toNumber(direction);
    if (order !== 1 && order !== -1) {
      throw new MongoError(
        'BadValue',
        `$sort key ordering must be 1 (for ascending) or -1 (for descending)`,
      );
    }
    spec[field] = order;
  }
  return spec;
}

/** Sorts documents (query views) as MongoDB does; the sort is stable. */
export function sortDocuments(
  docs: Doc[],
  sort: SortSpec,
  collation?: Collation,
  textScoreOf?: (doc: Doc) => number | undefined,
): Doc[] {
  const fields = Object.entries(sort);
  const compare = comparatorFor(collation);
  const keyOf = (doc: Doc, field: string, direction: 1 | -1): unknown =>
    field === TEXT_SCORE_FIELD && textScoreOf
      ? (textScoreOf(doc) ?? null)
      : sortKey(doc, field, direction, compare);
  const keyed = docs.map((doc) => ({
    doc,
    keys: fields.map(([field, direction]) => keyOf(doc, field, direction)),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const order = compare(a.keys[i], b.keys[i]);
      if (order !== 0) return order * (fields[i] as [string, 1 | -1])[1];
    }
    return 0;
  });
  return keyed.map(({ doc }) => doc);
}

/** MongoDB's order of two values (simple collation), as indexes keep their keys. */
export const compareValues: Comparator = comparatorFor(undefined);

export { typeRank };
