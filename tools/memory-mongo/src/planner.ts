import { ObjectId } from 'bson';
import { MongoError } from './errors.js';
import { queryView } from './numbers.js';
import { type Collation, isCaseInsensitive } from './query.js';
import { type SortSpec, typeRank } from './sort.js';
import type { Collection } from './storage/collection.js';
import { compareKeys, type Index, type IndexEntry } from './storage/index.js';
import type { Store } from './storage/store.js';
import type { Transaction } from './storage/transaction.js';
import { type Doc, isOperatorObject, isPlainObject, keyString } from './values.js';

/**
 * Query planning over the sorted index keys: an equality prefix (values or `$in`) followed by a
 * range on the next key, and sorts an index already provides (forward or backward, after an
 * equality prefix), so a limited query stops early. Index scans return a superset of the
 * matching documents (callers still test every document) in the order a collection scan, or the
 * in-memory stable sort, would give them; where that cannot be promised the plan is a scan.
 */

export interface PlanStats {
  keysExamined: number;
  docsExamined: number;
}

export interface QueryPlan {
  /** The documents to test against the filter. */
  docs: Iterable<Doc>;
  /** The documents come in the order the sort asks for (no in-memory sort needed). */
  sorted: boolean;
  /** Every document read matches the filter: the index keys answer it exactly. */
  exact?: boolean;
  stats: PlanStats;
  /**
   * The access stage as `explain` shows it (IXSCAN under FETCH, COLLSCAN, IDHACK, EOF), built
   * only when explain asks for it.
   */
  stage: () => Doc;
}

export interface PlanOptions {
  collation?: Collation | undefined;
  sort?: SortSpec | undefined;
  /** skip + limit, when the query stops after that many matches. */
  wanted?: number;
  hint?: unknown;
}

/** A type's lowest or highest edge: a range bound for `$lt: 5` is "the lowest number". */
class TypeEdge {
  constructor(
    readonly rank: number,
    readonly end: boolean,
  ) {}
}

type Bound = TypeEdge | { value: unknown };

interface Interval {
  low: Bound;
  lowInclusive: boolean;
  high: Bound;
  highInclusive: boolean;
}

interface FieldBounds {
  /** Equality values, sorted in index order. */
  points?: unknown[];
  interval?: Interval;
}

interface Candidate {
  index: Index;
  bounds: FieldBounds[];
  runs: Array<[number, number]>;
  /** Every field pinned to values and no sort: the ids straight from the hash of keys. */
  ids?: string[] | undefined;
  keys: number;
  /** 1 forward, -1 backward; 0 when the index does not give the sort. */
  sortDirection: 0 | 1 | -1;
  /** Position of the first sort field among the index fields. */
  sortStart: number;
}

const MAX_POINT_COMBINATIONS = 1000;

function compareToBound(value: unknown, bound: Bound): number {
  if (bound instanceof TypeEdge) {
    const rank = typeRank(value);
    if (rank !== bound.rank) return rank - bound.rank;
    return bound.end ? -1 : 1;
  }
  return compareKeys(value, bound.value);
}

function isPointValue(value: unknown, strings: boolean): boolean {
  return (
    (typeof value === 'string' && strings) ||
    (typeof value === 'number' && !Number.isNaN(value)) ||
    typeof value === 'boolean' ||
    value instanceof ObjectId ||
    value instanceof Date
  );
}

function isRangeValue(value: unknown, strings: boolean): boolean {
  return (
    (typeof value === 'string' && strings) ||
    (typeof value === 'number' && !Number.isNaN(value)) ||
    value instanceof ObjectId ||
    (value instanceof Date && !Number.isNaN(value.getTime()))
  );
}

/** Every condition the filter's top level (and top-level `$and`) puts on a field. */
function conditionsOn(filter: Doc, field: string): unknown[] {
  const found: unknown[] = [];
  if (field in filter) found.push(filter[field]);
  if (Array.isArray(filter.$and)) {
    for (const part of filter.$and) {
      if (isPlainObject(part)) found.push(...conditionsOn(part, field));
    }
  }
  return found;
}

function pointsOf(condition: unknown, strings: boolean): unknown[] | undefined {
  // Conditions come from the filter's query view (every BSON number a plain number).
  const view = condition;
  if (isPointValue(view, strings)) return [view];
  if (!isOperatorObject(view)) return undefined;
  if ('$eq' in view && isPointValue(view.$eq, strings)) return [view.$eq];
  const values = view.$in;
  if (
    Array.isArray(values) &&
    values.length <= MAX_POINT_COMBINATIONS &&
    values.every((value) => isPointValue(value, strings))
  ) {
    return values;
  }
  return undefined;
}

function intervalOf(
  conditions: unknown[],
  strings: boolean,
  multikey: boolean,
): Interval | undefined {
  let low: { value: unknown; inclusive: boolean } | undefined;
  let high: { value: unknown; inclusive: boolean } | undefined;
  for (const condition of conditions) {
    const view = condition;
    if (!isOperatorObject(view)) continue;
    for (const [operator, value] of Object.entries(view)) {
      if (!isRangeValue(value, strings)) continue;
      const isLow = operator === '$gt' || operator === '$gte';
      const isHigh = operator === '$lt' || operator === '$lte';
      if (!isLow && !isHigh) continue;
      const inclusive = operator === '$gte' || operator === '$lte';
      const current = isLow ? low : high;
      // Only bounds of one type combine; an array field's bounds never intersect (one element
      // may satisfy `$gt` and another `$lt`), so a multikey index takes one side only.
      const other = isLow ? high : low;
      if (other && (multikey || typeRank(other.value) !== typeRank(value))) continue;
      if (current && typeRank(current.value) !== typeRank(value)) continue;
      const order = current ? compareKeys(value, current.value) : 0;
      const tighter = !current || (isLow ? order > 0 : order < 0) || (order === 0 && !inclusive);
      if (!tighter) continue;
      if (isLow) low = { value, inclusive };
      else high = { value, inclusive };
    }
  }
  if (!low && !high) return undefined;
  const rank = typeRank((low ?? high)?.value);
  return {
    low: low ? { value: low.value } : new TypeEdge(rank, false),
    lowInclusive: low ? low.inclusive : true,
    high: high ? { value: high.value } : new TypeEdge(rank, true),
    highInclusive: high ? high.inclusive : true,
  };
}

/** `strings`: strings may be equality points; `stringRanges`: and range bounds. */
function boundsFor(
  index: Index,
  filter: Doc,
  strings: boolean,
  stringRanges: boolean,
): FieldBounds[] {
  const bounds: FieldBounds[] = [];
  for (let i = 0; i < index.fields.length; i++) {
    const field = index.fields[i] as string;
    const direction = index.directions[i] as number;
    const conditions = conditionsOn(filter, field);
    let points: unknown[] | undefined;
    for (const condition of conditions) {
      points = pointsOf(condition, strings);
      if (points) break;
    }
    if (points) {
      if (points.length === 1) {
        bounds.push({ points });
        continue;
      }
      const unique = new Map<string, unknown>();
      for (const value of points) unique.set(keyString(value), value);
      const sorted = [...unique.values()].sort((a, b) => compareKeys(a, b) * direction);
      bounds.push({ points: sorted });
      continue;
    }
    const interval = intervalOf(conditions, stringRanges, index.multikey);
    if (interval) bounds.push({ interval });
    break;
  }
  return bounds;
}

/** The contiguous runs of the sorted keys that the bounds select, in index order. */
function runsFor(index: Index, bounds: FieldBounds[]): Array<[number, number]> | undefined {
  const pointFields = bounds.filter((bound) => bound.points);
  const last = bounds[bounds.length - 1];
  const interval = last?.interval;
  let combos: unknown[][] = [[]];
  for (const bound of pointFields) {
    combos = combos.flatMap((prefix) => (bound.points ?? []).map((value) => [...prefix, value]));
    if (combos.length > MAX_POINT_COMBINATIONS) return undefined;
  }
  const p = pointFields.length;
  const direction = index.directions[p] ?? 1;
  const runs: Array<[number, number]> = [];
  for (const combo of combos) {
    const prefixOrder = (entry: IndexEntry): number => {
      for (let i = 0; i < p; i++) {
        const order = compareKeys(entry.values[i], combo[i]);
        if (order !== 0) return order * (index.directions[i] as number);
      }
      return 0;
    };
    const beforeStart = (value: unknown): boolean => {
      if (!interval) return false;
      if (direction === 1) {
        const order = compareToBound(value, interval.low);
        return order < 0 || (order === 0 && !interval.lowInclusive);
      }
      const order = compareToBound(value, interval.high);
      return order > 0 || (order === 0 && !interval.highInclusive);
    };
    const beyondEnd = (value: unknown): boolean => {
      if (!interval) return false;
      if (direction === 1) {
        const order = compareToBound(value, interval.high);
        return order > 0 || (order === 0 && !interval.highInclusive);
      }
      const order = compareToBound(value, interval.low);
      return order < 0 || (order === 0 && !interval.lowInclusive);
    };
    const start = index.lowerBound((entry) => {
      const order = prefixOrder(entry);
      return order < 0 || (order === 0 && beforeStart(entry.values[p]));
    });
    const end = index.lowerBound((entry) => {
      const order = prefixOrder(entry);
      return order < 0 || (order === 0 && !beyondEnd(entry.values[p]));
    }, start);
    if (end > start) runs.push([start, end]);
  }
  return runs;
}

/** With every field pinned to values, the ids under those keys (no ordered scan needed). */
function hashLookup(index: Index, bounds: FieldBounds[]): string[] | undefined {
  if (bounds.length !== index.fields.length || bounds.some((bound) => !bound.points)) {
    return undefined;
  }
  let keys: unknown[][];
  if (bounds.every((bound) => bound.points?.length === 1)) {
    // One value per field (the usual lookup): a single key.
    keys = [bounds.map((bound) => (bound.points as unknown[])[0])];
  } else {
    keys = [[]];
    for (const bound of bounds) {
      keys = keys.flatMap((prefix) => (bound.points ?? []).map((value) => [...prefix, value]));
      if (keys.length > MAX_POINT_COMBINATIONS) return undefined;
    }
  }
  const ids: string[] = [];
  for (const values of keys) index.collectIds(index.keyForValues(values), ids);
  return ids;
}

/** Whether the index gives the sort: 1 forward, -1 backward, 0 not; and where it starts. */
function sortSupport(
  index: Index,
  bounds: FieldBounds[],
  sort: SortSpec | undefined,
): { direction: 0 | 1 | -1; start: number } {
  const none = { direction: 0 as const, start: 0 };
  if (!sort || index.multikey) return none;
  const fields = Object.entries(sort);
  if (fields.length === 0) return none;
  const start = index.fields.indexOf(fields[0]?.[0] as string);
  if (start < 0 || start + fields.length > index.fields.length) return none;
  for (let i = 0; i < start; i++) {
    if (bounds[i]?.points?.length !== 1) return none;
  }
  let direction: 0 | 1 | -1 = 0;
  for (let t = 0; t < fields.length; t++) {
    const [field, order] = fields[t] as [string, 1 | -1];
    if (index.fields[start + t] !== field) return none;
    const relative = (order * (index.directions[start + t] as number)) as 1 | -1;
    if (direction !== 0 && relative !== direction) return none;
    direction = relative;
  }
  return { direction, start };
}

function findHinted(collection: Collection, hint: unknown): Index | 'natural' | '_id' | undefined {
  if (hint === undefined || hint === null) return undefined;
  if (isPlainObject(hint) && Object.keys(hint).length === 0) return undefined;
  if (isPlainObject(hint) && '$natural' in hint) return 'natural';
  const matches = (name: string, key: Doc): boolean =>
    typeof hint === 'string'
      ? hint === name
      : isPlainObject(hint) && keyString(hint) === keyString(key);
  if (matches('_id_', { _id: 1 })) return '_id';
  const found = collection.indexes.find((index) => matches(index.name, index.requestedKey));
  if (!found) {
    throw new MongoError(
      'BadValue',
      'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index',
    );
  }
  return found;
}

/**
 * A numeric path part (`a.0`) may name an array position or a field: such a filter is left to the
 * per-document test, never answered from index keys alone.
 */
function hasNumericPart(field: string): boolean {
  return /(^|\.)\d+(\.|$)/.test(field);
}

/**
 * The express path (MongoDB 8 has one by that name): a filter that is nothing but equality with a
 * value on `_id`, or on the one field of a unique index, needs no planning, since the document
 * stored under that key is the whole answer, exactly what the planned IDHACK or IXSCAN reads.
 * Undefined when the filter is anything else (or a key unexpectedly holds several documents):
 * the caller plans. For readers of the latest state only (no transaction) and the simple
 * collation. The most common query there is (findOne, findById) then runs the same few
 * monomorphic steps each time instead of the planner's general ones.
 */
export function expressLookup(collection: Collection, filter: Doc): Doc[] | undefined {
  let field: string | undefined;
  for (const key in filter) {
    if (field !== undefined) return undefined;
    field = key;
  }
  if (field === undefined || field.startsWith('$')) return undefined;
  if (hasNumericPart(field)) return undefined;
  const value = filter[field];
  if (!isPointValue(value, true)) return undefined;
  let id: string;
  if (field === '_id') {
    id = keyString(value);
  } else {
    const index = collection.indexes.find(
      (candidate) =>
        candidate.unique &&
        candidate.supportsEquality &&
        candidate.fields.length === 1 &&
        candidate.fields[0] === field,
    );
    if (!index) return undefined;
    const ids: string[] = [];
    index.collectIds(index.keyForValues([value]), ids);
    if (ids.length > 1) return undefined;
    if (ids.length === 0) return [];
    id = ids[0] as string;
  }
  const doc = collection.latest(id);
  return doc ? [doc] : [];
}

/** Chooses how to read the documents a filter may match; see the module comment. */
export function planQuery(
  store: Store,
  collection: Collection | undefined,
  filter: Doc,
  txn: Transaction | undefined,
  options: PlanOptions = {},
): QueryPlan {
  const stats: PlanStats = { keysExamined: 0, docsExamined: 0 };
  // The filter as queries see it (cached: compiling the filter reuses it).
  const view = plainValues(filter) ? filter : queryView(filter);
  if (!collection) return { docs: [], sorted: false, stats, stage: eofStage };
  const hinted = findHinted(collection, options.hint);
  if (hinted === 'natural') {
    const direction = isPlainObject(options.hint) && Number(options.hint.$natural) < 0 ? -1 : 1;
    return collectionScan(store, collection, txn, stats, filter, direction);
  }
  const simple = !options.collation?.locale || options.collation.locale === 'simple';
  if (hinted === undefined && '_id' in view) {
    // Documents are stored under their `_id`'s key: read the ones the filter names.
    const values = pointsOf(view._id, !isCaseInsensitive(options.collation));
    if (values) {
      const entries: IndexEntry[] = [];
      for (const id of new Set(values.map((value) => keyString(value)))) {
        const seq = collection.seqOf(id);
        stats.keysExamined++;
        if (seq !== undefined) entries.push({ values: [], id, seq });
      }
      const fetch = (id: string): Doc | undefined => {
        stats.docsExamined++;
        return store.read(collection, id, txn);
      };
      const ownWrites = txn?.ownWrites(collection);
      const docs = ownWrites?.size
        ? naturalDocs(collection, txn, entries, fetch)
        : singleDocument(entries, fetch);
      const plan: QueryPlan = { docs, sorted: false, stats, stage: idhackStage };
      // `_id` alone, by equality: the documents stored under those ids are the matches.
      const only = Object.keys(view).length === 1;
      if (
        only &&
        !ownWrites?.size &&
        exactEquality(view._id, !isCaseInsensitive(options.collation))
      )
        plan.exact = true;
      return plan;
    }
  }
  const usable = store.indexesValidFor(collection, txn);
  const ownWrites = txn?.ownWrites(collection);
  const candidates: Candidate[] = [];
  if (usable) {
    for (const index of collection.indexes) {
      if (!index.supportsEquality || index.text) continue;
      if (hinted !== undefined && hinted !== index) continue;
      const bounds = boundsFor(index, view, !isCaseInsensitive(options.collation), simple);
      const support =
        simple && !ownWrites?.size ? sortSupport(index, bounds, options.sort) : undefined;
      if (bounds.length === 0 && !support?.direction && hinted !== index) continue;
      const ids = support?.direction ? undefined : hashLookup(index, bounds);
      const runs = ids ? [] : runsFor(index, bounds);
      if (!runs) continue;
      const keys = ids ? ids.length : runs.reduce((sum, [start, end]) => sum + end - start, 0);
      candidates.push({
        index,
        bounds,
        runs,
        ids,
        keys,
        sortDirection: support?.direction ?? 0,
        sortStart: support?.start ?? 0,
      });
    }
  }
  const wanted = options.wanted ?? Infinity;
  const cost = (candidate: Candidate): number =>
    candidate.sortDirection !== 0
      ? Math.min(candidate.keys, wanted * 4)
      : candidate.keys * (options.sort ? 2 : 1);
  let best: Candidate | undefined;
  for (const candidate of candidates) if (!best || cost(candidate) < cost(best)) best = candidate;
  // A regular index holds a key for every document: its size stands for the collection's.
  const scanCost = (best?.index.sorted.length ?? 0) * (options.sort ? 2 : 1);
  if (!best || (hinted === undefined && cost(best) > scanCost)) {
    return collectionScan(store, collection, txn, stats, filter, 1);
  }
  const plan = indexScan(store, collection, txn, stats, best, options.sort);
  if (best.ids && simple && !ownWrites?.size && answersExactly(view, best.index)) {
    plan.exact = true;
  }
  return plan;
}

/**
 * Whether the filter's fields are all plain values (the usual lookup by a key): then it is its
 * own query view, with none to build or cache.
 */
function plainValues(filter: Doc): boolean {
  for (const field in filter) {
    const value = filter[field];
    if (typeof value === 'object' && value !== null) {
      if (!(value instanceof ObjectId) && !(value instanceof Date)) return false;
    }
  }
  return true;
}

/**
 * Whether a filter is nothing but equality (a value, `$eq` or `$in`) on each of the index's
 * fields, so the documents under those keys are exactly its matches (as MongoDB's equality,
 * an array matches when an element does, and the index keys each element).
 */
function answersExactly(filter: Doc, index: Index): boolean {
  const keys = Object.keys(filter);
  if (keys.length !== index.fields.length) return false;
  return keys.every((field) => {
    if (!index.fields.includes(field) || hasNumericPart(field)) return false;
    return exactEquality(filter[field], true);
  });
}

/** A value, `{ $eq: value }` or `{ $in: [values] }` and nothing else, of the point types. */
function exactEquality(condition: unknown, strings: boolean): boolean {
  if (isPointValue(condition, strings)) return true;
  if (!isOperatorObject(condition)) return false;
  const operators = Object.keys(condition);
  if (operators.length !== 1) return false;
  if (operators[0] === '$eq') return isPointValue(condition.$eq, strings);
  return (
    operators[0] === '$in' &&
    Array.isArray(condition.$in) &&
    condition.$in.every((value) => isPointValue(value, strings))
  );
}

/**
 * The documents of at most one index entry, without a generator's set-up (the common lookup by
 * `_id` or a unique key); more entries go through `naturalDocs`.
 */
function singleDocument(
  entries: IndexEntry[],
  fetch: (id: string) => Doc | undefined,
): Iterable<Doc> {
  if (entries.length > 1) {
    // Natural order, as a scan gives them.
    const list = [...entries].sort((x, y) => x.seq - y.seq);
    return (function* () {
      for (const { id } of list) {
        const doc = fetch(id);
        if (doc) yield doc;
      }
    })();
  }
  const doc = entries.length === 1 ? fetch((entries[0] as IndexEntry).id) : undefined;
  return doc ? [doc] : [];
}

function* counted(docs: Iterable<Doc>, stats: PlanStats, keys: boolean): Generator<Doc> {
  for (const doc of docs) {
    stats.docsExamined++;
    if (keys) stats.keysExamined++;
    yield doc;
  }
}

const eofStage = (): Doc => ({ stage: 'EOF' });
const idhackStage = (): Doc => ({ stage: 'IDHACK' });

function collectionScan(
  store: Store,
  collection: Collection,
  txn: Transaction | undefined,
  stats: PlanStats,
  filter: Doc,
  direction: 1 | -1,
): QueryPlan {
  const docs =
    direction === 1 ? store.iterate(collection, txn) : store.scan(collection, txn).reverse();
  return {
    docs: counted(docs, stats, false),
    sorted: false,
    stats,
    stage: () => ({
      stage: 'COLLSCAN',
      filter,
      direction: direction === 1 ? 'forward' : 'backward',
    }),
  };
}

function indexScan(
  store: Store,
  collection: Collection,
  txn: Transaction | undefined,
  stats: PlanStats,
  plan: Candidate,
  sort: SortSpec | undefined,
): QueryPlan {
  const { index } = plan;
  const backward = plan.sortDirection === -1;
  const stage = (): Doc => ({
    stage: 'FETCH',
    inputStage: {
      stage: 'IXSCAN',
      keyPattern: index.requestedKey,
      indexName: index.name,
      isMultiKey: index.multikey,
      isUnique: index.unique,
      isSparse: false,
      isPartial: false,
      indexVersion: 2,
      direction: backward ? 'backward' : 'forward',
      indexBounds: describeBounds(index, plan.bounds, backward),
    },
  });
  const entries = function* (): Generator<IndexEntry> {
    for (const id of plan.ids ?? []) {
      stats.keysExamined++;
      yield { values: [], id, seq: collection.seqOf(id) ?? 0 };
    }
    const runs = backward ? [...plan.runs].reverse() : plan.runs;
    for (const [start, end] of runs) {
      const cursor = index.sorted.cursor(start, end, backward);
      for (let entry = cursor.next(); entry !== undefined; entry = cursor.next()) {
        stats.keysExamined++;
        yield entry;
      }
    }
  };
  const fetch = (id: string): Doc | undefined => {
    stats.docsExamined++;
    return store.read(collection, id, txn);
  };
  if (plan.ids && plan.ids.length <= 1 && !txn?.ownWrites(collection)?.size) {
    // A unique key's lookup: one document at most, no generators.
    stats.keysExamined += plan.ids.length;
    const entries = plan.ids.map((id) => ({ values: [], id, seq: 0 }));
    return { docs: singleDocument(entries, fetch), sorted: false, stats, stage };
  }
  if (plan.sortDirection !== 0 && sort) {
    const width = Object.keys(sort).length;
    return {
      docs: sortedDocs(entries(), plan.sortStart, width, fetch),
      sorted: true,
      stats,
      stage,
    };
  }
  return { docs: naturalDocs(collection, txn, entries(), fetch), sorted: false, stats, stage };
}

/**
 * Documents in index order; keys equal on the sort fields come in natural order, as the
 * in-memory stable sort gives them.
 */
function* sortedDocs(
  entries: Iterable<IndexEntry>,
  from: number,
  width: number,
  fetch: (id: string) => Doc | undefined,
): Generator<Doc> {
  let run: IndexEntry[] = [];
  const sameKeys = (a: IndexEntry, b: IndexEntry): boolean => {
    for (let i = from; i < from + width; i++) {
      if (compareKeys(a.values[i], b.values[i]) !== 0) return false;
    }
    return true;
  };
  function* flush(): Generator<Doc> {
    if (run.length > 1) run.sort((a, b) => a.seq - b.seq);
    for (const entry of run) {
      const doc = fetch(entry.id);
      if (doc) yield doc;
    }
  }
  for (const entry of entries) {
    if (run.length > 0 && !sameKeys(run[0] as IndexEntry, entry)) {
      yield* flush();
      run = [];
    }
    run.push(entry);
  }
  yield* flush();
}

/** The selected documents, and the reader's own writes, in natural order (as a scan gives). */
function* naturalDocs(
  collection: Collection,
  txn: Transaction | undefined,
  entries: Iterable<IndexEntry>,
  fetch: (id: string) => Doc | undefined,
): Generator<Doc> {
  const list = [...entries];
  const inserted: Doc[] = [];
  for (const [id, doc] of txn?.ownWrites(collection) ?? []) {
    const seq = collection.seqOf(id);
    if (seq !== undefined) list.push({ values: [], id, seq });
    else if (doc) inserted.push(doc);
  }
  // A document's keys (several when multikey) share its position, so repeats are neighbours.
  if (list.length > 1) list.sort((x, y) => x.seq - y.seq);
  let previous: string | undefined;
  for (const { id } of list) {
    if (id === previous) continue;
    previous = id;
    const doc = fetch(id);
    if (doc) yield doc;
  }
  yield* inserted;
}

// ---- explain -------------------------------------------------------------------------------

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (value === Infinity) return 'inf.0';
    if (value === -Infinity) return '-inf.0';
    return String(value);
  }
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  return String(value);
}

const TYPE_EDGES: Record<number, [string, string]> = {
  2: ['-inf.0', 'inf.0'],
  3: ['""', '{}'],
  7: ["ObjectId('000000000000000000000000')", "ObjectId('ffffffffffffffffffffffff')"],
  9: ['new Date(-9223372036854775808)', 'new Date(9223372036854775807)'],
};

function describeBound(bound: Bound): string {
  if (bound instanceof TypeEdge) {
    const edges = TYPE_EDGES[bound.rank] ?? ['MinKey', 'MaxKey'];
    return bound.end ? edges[1] : edges[0];
  }
  return describeValue(bound.value);
}

/** MongoDB's `indexBounds`: per field, the intervals in scan order as strings. */
function describeBounds(index: Index, bounds: FieldBounds[], backward: boolean): Doc {
  const described: Doc = {};
  index.fields.forEach((field, i) => {
    const reversed = (index.directions[i] as number) < 0 !== backward;
    const bound = bounds[i];
    let intervals: string[];
    if (bound?.points) {
      const points = backward ? [...bound.points].reverse() : bound.points;
      intervals = points.map((value) => `[${describeValue(value)}, ${describeValue(value)}]`);
    } else if (bound?.interval) {
      const { low, lowInclusive, high, highInclusive } = bound.interval;
      intervals = reversed
        ? [
            `${highInclusive ? '[' : '('}${describeBound(high)}, ${describeBound(low)}${lowInclusive ? ']' : ')'}`,
          ]
        : [
            `${lowInclusive ? '[' : '('}${describeBound(low)}, ${describeBound(high)}${highInclusive ? ']' : ')'}`,
          ];
    } else {
      intervals = [reversed ? '[MaxKey, MinKey]' : '[MinKey, MaxKey]'];
    }
    described[field] = intervals;
  });
  return described;
}
