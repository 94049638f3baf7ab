import { Aggregator, ProcessingMode, Query } from 'mingo';
import { Long } from 'bson';
import { MongoError, typeMismatch } from '../errors.js';
import {
  type Collation,
  candidateDocuments,
  compileFilter,
  effectiveCollation,
  extractText,
  mingoOptions,
  rewriteMetaExpressions,
  rewriteMetaSort,
  splitMetaProjection,
  stringFold,
  TEXT_SCORE_FIELD,
  textSearch,
} from '../query.js';
import { originalOf, queryView } from '../numbers.js';
import { sortDocuments, sortSpec } from '../sort.js';
import type { Collection } from '../storage/collection.js';
import {
  cloneValue,
  type Doc,
  isOperatorObject,
  isPlainObject,
  keyString,
  toNumber,
  valuesAtPath,
} from '../values.js';
import {
  type CommandContext,
  type CommandHandler,
  type CommandTable,
  collationOf,
  optionalDocument,
  optionalNumber,
  targetName,
} from './context.js';

export interface SelectOptions {
  sort?: Doc | undefined;
  skip?: number | undefined;
  limit?: number | undefined;
  collation?: Collation | undefined;
}

/**
 * The documents a filter matches, sorted and sliced; text searches carry their score in a
 * hidden field. Stored documents are returned as they are: callers must not modify them.
 */
export function selectDocuments(
  context: CommandContext,
  collection: Collection | undefined,
  filter: Doc,
  options: SelectOptions = {},
): Doc[] {
  const { text, rest } = extractText(filter);
  const collation = effectiveCollation(options.collation, collection?.options.collation);
  const scores = text ? textSearch(context.store, collection, text, context.txn) : undefined;
  const docs = scores
    ? scores.keys()
    : candidateDocuments(context.store, collection, rest, context.txn, collation);
  const query = compileFilter(rest, collation);
  const fold = stringFold(collation);
  const sort = rewriteMetaSort(options.sort);
  const skip = options.skip ?? 0;
  // Without a sort the first matches are the answer, so stop reading once they are found
  // (mingo's own limit reads its whole input).
  const wanted = !sort && options.limit ? skip + options.limit : Infinity;
  const matched: Doc[] = [];
  try {
    for (const doc of docs) {
      const view = queryView(doc, fold);
      if (!query.test(view)) continue;
      matched.push(view);
      if (matched.length >= wanted) break;
    }
    const scoreOf = scores && ((view: Doc) => scores.get(originalOf(view)));
    const ordered = sort ? sortDocuments(matched, sortSpec(sort), collation, scoreOf) : matched;
    const end = options.limit ? skip + options.limit : undefined;
    const page = ordered.slice(skip, end).map(originalOf);
    // Only what is returned carries its score, in the hidden field `$meta` reads.
    return scores ? page.map((doc) => ({ ...doc, [TEXT_SCORE_FIELD]: scores.get(doc) })) : page;
  } catch (error) {
    throw new MongoError('BadValue', (error as Error).message);
  }
}

/** Applies a find-style projection, including `{ $meta: 'textScore' }` fields. */
export function project(
  docs: Doc[],
  rawProjection: Doc | undefined,
  collation?: Collation,
  filter: Doc = {},
): Doc[] {
  const { projection, scoreFields } = splitMetaProjection(rawProjection);
  let projected = docs;
  if (projection && Object.keys(projection).length > 0) {
    const special = splitArrayProjection(projection);
    try {
      const plain =
        Object.keys(special.rest).length > 0
          ? (new Query({}, mingoOptions(collation)).find(docs, special.rest).all() as Doc[])
          : docs;
      const apply = arrayProjector(special, filter, collation);
      const last = special.elemMatches.map(([path]) => path);
      projected = plain.map((doc, index) =>
        orderLike(apply(doc, docs[index] as Doc), docs[index], last),
      ) as Doc[];
    } catch (error) {
      if (error instanceof MongoError) throw error;
      throw new MongoError('BadValue', (error as Error).message);
    }
  }
  if (!docs.some((doc) => TEXT_SCORE_FIELD in doc)) return projected;
  return projected.map((doc, index) => {
    const { [TEXT_SCORE_FIELD]: _hidden, ...visible } = doc;
    for (const field of scoreFields) visible[field] = docs[index]?.[TEXT_SCORE_FIELD];
    return visible;
  });
}

interface ArrayProjection {
  /** The part mingo applies: plain inclusions, exclusions and expressions. */
  rest: Doc;
  /** `field.$`: the path before `.$`. */
  positional: string | undefined;
  slices: Array<[string, unknown]>;
  elemMatches: Array<[string, Doc]>;
}

const isOnly = (value: unknown, operator: string): value is Doc =>
  isPlainObject(value) && Object.keys(value).length === 1 && operator in value;

/**
 * Takes out what this engine applies itself: positional `field.$`, `$slice` and `$elemMatch`.
 * A projection with only `$slice` (and exclusions) is an exclusion, as in MongoDB; with an
 * inclusion, positional or `$elemMatch` the array fields are included.
 */
function splitArrayProjection(projection: Doc): ArrayProjection {
  const special: ArrayProjection = { rest: {}, positional: undefined, slices: [], elemMatches: [] };
  for (const [key, value] of Object.entries(projection)) {
    if (key.endsWith('.$')) {
      if (special.positional !== undefined)
        throw new MongoError(
          'BadValue',
          'Cannot specify more than one positional proj. per query.',
        );
      special.positional = key.slice(0, -2);
    } else if (isOnly(value, '$slice')) special.slices.push([key, value.$slice]);
    else if (isOnly(value, '$elemMatch')) {
      if (!isPlainObject(value.$elemMatch))
        throw new MongoError('BadValue', '$elemMatch: Invalid argument, object required.');
      special.elemMatches.push([key, value.$elemMatch]);
    } else special.rest[key] = value;
  }
  const excluded = (value: unknown): boolean => value === false || toNumber(value) === 0;
  const inclusive =
    special.positional !== undefined ||
    special.elemMatches.length > 0 ||
    Object.entries(special.rest).some(([key, value]) => key !== '_id' && !excluded(value));
  if (inclusive) {
    const included = [
      ...(special.positional === undefined ? [] : [special.positional]),
      ...special.slices.map(([path]) => path),
      ...special.elemMatches.map(([path]) => path),
    ];
    for (const path of included) special.rest[path] = 1;
  }
  return special;
}

function getPath(doc: unknown, path: string): unknown {
  let value = doc;
  for (const part of path.split('.')) value = isPlainObject(value) ? value[part] : undefined;
  return value;
}

/** A copy of `doc` with `path` set (or removed when `value` is undefined); shares the rest. */
function withPath(doc: Doc, path: string, value: unknown): Doc {
  const [head, ...tail] = path.split('.') as [string, ...string[]];
  const copy = { ...doc };
  if (tail.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else if (isPlainObject(doc[head])) {
    copy[head] = withPath(doc[head], tail.join('.'), value);
  }
  return copy;
}

/** `$slice: n` (first n, or last -n) or `$slice: [skip, limit]` (a negative skip counts from the end). */
function sliceArray(array: unknown[], spec: unknown): unknown[] {
  if (Array.isArray(spec)) {
    const [rawSkip, rawLimit] = spec.map((part) => toNumber(part));
    if (spec.length !== 2 || rawSkip === undefined || rawLimit === undefined || rawLimit <= 0)
      throw new MongoError('BadValue', '$slice only supports numbers and [skip, limit] arrays');
    const start = rawSkip < 0 ? Math.max(array.length + rawSkip, 0) : rawSkip;
    return array.slice(start, start + rawLimit);
  }
  const count = toNumber(spec);
  if (count === undefined)
    throw new MongoError('BadValue', '$slice only supports numbers and [skip, limit] arrays');
  return count >= 0 ? array.slice(0, count) : array.slice(Math.max(array.length + count, 0));
}

/** Whether an array element satisfies an `$elemMatch`-style condition (a query view is tested). */
function elementMatcher(
  condition: Doc,
  collation: Collation | undefined,
): (element: unknown) => boolean {
  const fold = stringFold(collation);
  if (
    isOperatorObject(condition) &&
    !Object.keys(condition).some((key) => key === '$and' || key === '$or' || key === '$nor')
  ) {
    const query = compileFilter({ v: condition }, collation);
    return (element) => query.test(queryView({ v: element }, fold));
  }
  const query = compileFilter(condition, collation);
  return (element) => isPlainObject(element) && query.test(queryView(element, fold));
}

/** The conditions of a filter (top level and `$and`) on `path` or below it. */
function conditionsOn(filter: Doc, path: string): Doc | undefined {
  const parts = [filter, ...(Array.isArray(filter.$and) ? filter.$and.filter(isPlainObject) : [])];
  const conditions: Doc[] = [];
  for (const part of parts)
    for (const [key, value] of Object.entries(part))
      if (key === path || key.startsWith(`${path}.`)) conditions.push({ [key]: value });
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? (conditions[0] as Doc) : { $and: conditions };
}

/** Applies positional, `$elemMatch` and `$slice` parts; filters are compiled once per call. */
function arrayProjector(
  special: ArrayProjection,
  filter: Doc,
  collation: Collation | undefined,
): (doc: Doc, source: Doc) => Doc {
  const { positional } = special;
  const fold = stringFold(collation);
  const conditions = positional === undefined ? undefined : conditionsOn(filter, positional);
  const positionalQuery = conditions && compileFilter(conditions, collation);
  const elemMatches = special.elemMatches.map(
    ([path, condition]) => [path, elementMatcher(condition, collation)] as const,
  );
  return (doc, source) => {
    let result = doc;
    if (positional !== undefined) {
      const array = getPath(source, positional);
      const index =
        positionalQuery && Array.isArray(array)
          ? array.findIndex((element) =>
              positionalQuery.test(queryView(nest(positional, [element]), fold)),
            )
          : -1;
      if (index < 0)
        throw new MongoError(
          'BadValue',
          "Executor error during find command :: caused by :: positional operator '.$' couldn't find a matching element in the array",
        );
      result = withPath(result, positional, [(array as unknown[])[index]]);
    }
    for (const [path, matches] of elemMatches) {
      const array = source[path];
      const found = Array.isArray(array) ? array.findIndex(matches) : -1;
      // The field comes after the other included fields (MongoDB 4.4+), or not at all.
      result = withPath(result, path, undefined);
      if (found >= 0) result = { ...result, [path]: [(array as unknown[])[found]] };
    }
    for (const [path, spec] of special.slices) {
      const array = getPath(result, path);
      if (Array.isArray(array)) result = withPath(result, path, sliceArray(array, spec));
    }
    return result;
  };
}

/** `{ a: { b: value } }` for path `a.b`. */
function nest(path: string, value: unknown): Doc {
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, part) => ({ [part]: inner }), value) as Doc;
}

/**
 * Returned fields keep the stored document's order, `_id` first (mingo orders by projection);
 * `last` (the `$elemMatch` fields) and computed fields follow.
 */
function orderLike(value: unknown, source: unknown, last?: string[]): unknown {
  if (Array.isArray(value) && Array.isArray(source) && value.length === source.length)
    return value.map((item, index) => orderLike(item, source[index]));
  if (!isPlainObject(value) || !isPlainObject(source)) return value;
  const ordered: Doc = {};
  if (last && '_id' in value) ordered._id = value._id;
  for (const key of Object.keys(source))
    if (key in value && !(key in ordered) && !last?.includes(key))
      ordered[key] = orderLike(value[key], source[key]);
  for (const key of Object.keys(value)) if (!(key in ordered)) ordered[key] = value[key];
  return ordered;
}

function batchSizeOf(body: Doc): number | undefined {
  const cursor = optionalDocument(body, 'cursor');
  const fromCursor = cursor ? toNumber(cursor.batchSize) : undefined;
  return fromCursor ?? optionalNumber(body, 'batchSize');
}

const find: CommandHandler = (context) => {
  const name = targetName(context);
  const { body } = context;
  const collection = context.store.collection(context.db, name);
  const limit = optionalNumber(body, 'limit');
  const collation = effectiveCollation(collationOf(body), collection?.options.collation);
  const filter = optionalDocument(body, 'filter') ?? {};
  const docs = selectDocuments(context, collection, filter, {
    sort: optionalDocument(body, 'sort'),
    skip: optionalNumber(body, 'skip'),
    limit: limit === undefined ? undefined : Math.abs(limit),
    collation,
  });
  const results = project(docs, optionalDocument(body, 'projection'), collation, filter);
  const singleBatch = body.singleBatch === true || (limit !== undefined && limit < 0);
  const batchSize = optionalNumber(body, 'batchSize');
  return {
    cursor: context.engine.cursors.open(`${context.db}.${name}`, results, batchSize, singleBatch),
    ok: 1,
  };
};

const getMore: CommandHandler = ({ engine, db, body }) => {
  const id = body.getMore;
  if (!(id instanceof Long) && typeof id !== 'number') throw typeMismatch('getMore', 'long');
  if (typeof body.collection !== 'string') throw typeMismatch('collection', 'string');
  const cursorId = id instanceof Long ? id : Long.fromNumber(id);
  return {
    cursor: engine.cursors.getMore(
      cursorId,
      `${db}.${body.collection}`,
      optionalNumber(body, 'batchSize'),
    ),
    ok: 1,
  };
};

const killCursors: CommandHandler = ({ engine, body }) => {
  const ids = Array.isArray(body.cursors) ? body.cursors : [];
  const { killed, notFound } = engine.cursors.kill(
    ids.map((id: unknown) => (id instanceof Long ? id : Long.fromNumber(toNumber(id) ?? 0))),
  );
  return {
    cursorsKilled: killed,
    cursorsNotFound: notFound,
    cursorsAlive: [],
    cursorsUnknown: [],
    ok: 1,
  };
};

const count: CommandHandler = (context) => {
  const name = targetName(context);
  const collection = context.store.collection(context.db, name);
  const docs = selectDocuments(context, collection, optionalDocument(context.body, 'query') ?? {}, {
    skip: optionalNumber(context.body, 'skip'),
    limit: optionalNumber(context.body, 'limit'),
    collation: collationOf(context.body),
  });
  return { n: docs.length, ok: 1 };
};

const distinct: CommandHandler = (context) => {
  const name = targetName(context);
  const key = context.body.key;
  if (typeof key !== 'string') throw typeMismatch('key', 'string');
  const collection = context.store.collection(context.db, name);
  const docs = selectDocuments(context, collection, optionalDocument(context.body, 'query') ?? {}, {
    collation: collationOf(context.body),
  });
  const values = new Map<string, unknown>();
  for (const doc of docs) {
    for (const value of valuesAtPath(doc, key)) {
      if (value !== undefined) values.set(keyString(value), value);
    }
  }
  return { values: [...values.values()], ok: 1 };
};

/** Stages this engine cannot run: they write, need a cluster, or need search infrastructure. */
const UNSUPPORTED_STAGES = new Set([
  '$out',
  '$merge',
  '$geoNear',
  '$collStats',
  '$indexStats',
  '$currentOp',
  '$listSessions',
  '$listLocalSessions',
  '$planCacheStats',
  '$changeStream',
  '$search',
  '$searchMeta',
  '$vectorSearch',
]);

/** Stages that build new documents and never modify their input, so no defensive copy is needed. */
const NON_MUTATING_STAGES = new Set([
  '$match',
  '$group',
  '$count',
  '$sort',
  '$skip',
  '$limit',
  '$sortByCount',
  '$project',
]);

const aggregate: CommandHandler = (context) => {
  const { body, store, db, txn } = context;
  if (typeof body.aggregate !== 'string') {
    throw new MongoError(
      'CommandNotFound',
      'aggregate with { aggregate: 1 } (database-level pipelines) is not supported by memory-mongo',
    );
  }
  const name = body.aggregate;
  if (!Array.isArray(body.pipeline) || !body.pipeline.every(isPlainObject))
    throw typeMismatch('pipeline', 'array');
  if (body.explain === true)
    throw new MongoError('CommandNotFound', 'explain is not supported by memory-mongo');
  let pipeline = body.pipeline as Doc[];
  for (const stage of pipeline) {
    const stageName = Object.keys(stage)[0] ?? '';
    if (UNSUPPORTED_STAGES.has(stageName)) {
      throw new MongoError(
        'Location40324',
        `Unrecognized pipeline stage name: '${stageName}' (not supported by memory-mongo)`,
      );
    }
  }
  const collection = store.collection(db, name);
  const collation = effectiveCollation(collationOf(body), collection?.options.collation);
  // A leading $match filters through the indexes (and $text) before the rest of the pipeline.
  let input: Doc[];
  const first = pipeline[0];
  if (first && isPlainObject(first.$match)) {
    input = selectDocuments(context, collection, first.$match, { collation });
    pipeline = pipeline.slice(1);
  } else {
    input = collection ? store.scan(collection, txn) : [];
  }
  const textUsed = input.some((doc) => TEXT_SCORE_FIELD in doc);
  if (textUsed) pipeline = pipeline.map((stage) => rewriteMetaExpressions(stage) as Doc);
  const mutating = pipeline.some((stage) => !NON_MUTATING_STAGES.has(Object.keys(stage)[0] ?? ''));
  let results: Doc[];
  try {
    const aggregator = new Aggregator(
      pipeline,
      mingoOptions(collation, {
        processingMode: mutating ? ProcessingMode.CLONE_INPUT : ProcessingMode.CLONE_OFF,
        collectionResolver: (from: string) => {
          const foreign = store.collection(db, from);
          return foreign ? store.scan(foreign, txn).map((doc) => cloneValue(doc)) : [];
        },
        ...(isPlainObject(body.let) ? { variables: body.let } : {}),
      }),
    );
    results = aggregator.run(input) as Doc[];
  } catch (error) {
    const message = (error as Error).message;
    const unknownStage = /(?:unregistered|unknown) pipeline operator:? '?(\$?[\w$]+)/i.exec(
      message,
    );
    if (unknownStage) {
      throw new MongoError(
        'Location40324',
        `Unrecognized pipeline stage name: '${unknownStage[1]}'`,
      );
    }
    throw new MongoError('BadValue', message);
  }
  if (textUsed) {
    results = results.map((doc) => {
      if (!(TEXT_SCORE_FIELD in doc)) return doc;
      const { [TEXT_SCORE_FIELD]: _hidden, ...visible } = doc;
      return visible;
    });
  }
  return {
    cursor: context.engine.cursors.open(`${db}.${name}`, results, batchSizeOf(body)),
    ok: 1,
  };
};

export const readCommands: CommandTable = {
  find,
  getMore,
  killCursors,
  count,
  distinct,
  aggregate,
};
