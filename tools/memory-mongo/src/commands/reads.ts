import { ProcessingMode } from 'mingo';
// The bare Aggregator: the one 'mingo' exports puts mingo's own operators before the context's.
import { Aggregator } from 'mingo/aggregator';
import { Long } from 'bson';
import { MongoError, typeMismatch } from '../errors.js';
import {
  type Collation,
  compileFilter,
  effectiveCollation,
  extractText,
  mingoOptions,
  projectionQuery,
  rewriteMetaExpressions,
  rewriteMetaSort,
  splitMetaProjection,
  stringFold,
  TEXT_SCORE_FIELD,
  textSearch,
} from '../query.js';
import { CursorCommandReply, storedEncoding } from '../encoded.js';
import { originalOf, queryView } from '../numbers.js';
import { expressLookup, planQuery, type QueryPlan } from '../planner.js';
import { type SortSpec, sortDocuments, sortSpec } from '../sort.js';
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
  /** `hint`: an index name or key pattern, or `{ $natural: 1 }` for a collection scan. */
  hint?: unknown;
  /** Filled in with the plan that ran, for `explain`. */
  explain?: { plan?: QueryPlan; sort?: SortSpec | undefined };
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
  const sort = rewriteMetaSort(options.sort);
  const spec = sort ? sortSpec(sort) : undefined;
  const skip = options.skip ?? 0;
  const plan = scores
    ? undefined
    : planQuery(context.store, collection, rest, context.txn, {
        collation,
        sort: spec,
        hint: options.hint,
        ...(options.limit ? { wanted: skip + options.limit } : {}),
      });
  if (options.explain) Object.assign(options.explain, { plan, sort: spec });
  const docs = scores ? scores.keys() : (plan as QueryPlan).docs;
  // When the index keys answer the filter exactly, no document needs testing.
  const query = plan?.exact ? undefined : compileFilter(rest, collation);
  const fold = stringFold(collation);
  // An index may already give the documents in the sort's order.
  const inOrder = !sort || plan?.sorted === true;
  // Without a sort the first matches are the answer, so stop reading once they are found
  // (mingo's own limit reads its whole input).
  const wanted = inOrder && options.limit ? skip + options.limit : Infinity;
  // Tests and sorts read query views; documents the index answers in order need none.
  const viewed = query !== undefined || !inOrder || scores !== undefined;
  const matched: Doc[] = [];
  try {
    // Stepped by hand: leaving a for-of early over a generator (a scan with a limit) made V8
    // deoptimize this function on every such query without ever dropping the optimized code.
    const iterator = docs[Symbol.iterator]();
    for (let step = iterator.next(); !step.done; step = iterator.next()) {
      const view = viewed ? queryView(step.value, fold) : step.value;
      if (query && !query.test(view)) continue;
      matched.push(view);
      if (matched.length >= wanted) {
        iterator.return?.();
        break;
      }
    }
    const scoreOf = scores && ((view: Doc) => scores.get(originalOf(view)));
    const ordered = spec && !inOrder ? sortDocuments(matched, spec, collation, scoreOf) : matched;
    const end = options.limit ? skip + options.limit : undefined;
    const sliced = skip === 0 && end === undefined ? ordered : ordered.slice(skip, end);
    const page = viewed ? sliced.map(originalOf) : sliced;
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
          ? (projectionQuery(collation).find(docs, special.rest).all() as Doc[])
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

/** What a find may carry and still take the express path: the driver's findOne sends these. */
const EXPRESS_FIELDS = new Set(['find', 'filter', 'limit', 'batchSize', 'singleBatch', 'lsid']);

/** A find the express path answers (see `expressLookup`), or undefined to plan it. */
function expressFind(context: CommandContext, name: string): StoredResults | undefined {
  const { body } = context;
  if (context.txn) return undefined;
  for (const key in body) if (!EXPRESS_FIELDS.has(key)) return undefined;
  const filter = body.filter;
  if (!isPlainObject(filter)) return undefined;
  const collection = context.store.collection(context.db, name);
  if (!collection || collection.options.collation !== undefined) return undefined;
  const docs: StoredResults | undefined = expressLookup(collection, filter);
  if (docs) docs.stored = true;
  return docs;
}

const find: CommandHandler = (context) => {
  const name = targetName(context);
  const { body } = context;
  const results = expressFind(context, name) ?? runFind(context, name);
  const limit = optionalNumber(body, 'limit');
  const singleBatch = body.singleBatch === true || (limit !== undefined && limit < 0);
  const batchSize = optionalNumber(body, 'batchSize');
  const cursor = context.engine.cursors.open(
    `${context.db}.${name}`,
    results,
    batchSize,
    singleBatch,
  );
  // Documents returned as stored keep their encoding for the next reply that returns them.
  if (results.stored) for (const doc of cursor.firstBatch ?? []) storedEncoding(doc);
  return new CursorCommandReply(cursor);
};

/** The documents a `find` returns; `stored`: as they are stored, neither projected nor scored. */
type StoredResults = Doc[] & { stored?: boolean };

/** The documents a `find` returns; `explain` captures its plan. */
function runFind(
  context: CommandContext,
  name: string,
  explain?: SelectOptions['explain'],
): StoredResults {
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
    hint: body.hint,
    ...(explain ? { explain } : {}),
  });
  const projected: StoredResults = project(
    docs,
    optionalDocument(body, 'projection'),
    collation,
    filter,
  );
  if (projected === docs && !docs.some((doc) => TEXT_SCORE_FIELD in doc)) projected.stored = true;
  return projected;
}

const getMore: CommandHandler = ({ engine, db, body }) => {
  const id = body.getMore;
  if (!(id instanceof Long) && typeof id !== 'number') throw typeMismatch('getMore', 'long');
  if (typeof body.collection !== 'string') throw typeMismatch('collection', 'string');
  const cursorId = id instanceof Long ? id : Long.fromNumber(id);
  return new CursorCommandReply(
    engine.cursors.getMore(cursorId, `${db}.${body.collection}`, optionalNumber(body, 'batchSize')),
  );
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
  if (context.body.explain === true) {
    const { explain: _explain, ...inner } = context.body;
    return explainCommand({ ...context, body: { explain: inner, verbosity: 'queryPlanner' } });
  }
  const { db } = context;
  const name = context.body.aggregate as string;
  const results = runAggregate(context);
  return new CursorCommandReply(
    context.engine.cursors.open(`${db}.${name}`, results, batchSizeOf(context.body)),
  );
};

/** What an aggregate explain reports: the plan of the documents read, and the stages after. */
interface AggregateExplain extends NonNullable<SelectOptions['explain']> {
  rest?: Doc[];
  skip?: number | undefined;
  limit?: number | undefined;
}

/** Reads `$sort`, `$skip` and `$limit` right after the start of a pipeline into one read. */
function pushDown(pipeline: Doc[]): { sort?: Doc; skip?: number; limit?: number; used: number } {
  let used = 0;
  const found: { sort?: Doc; skip?: number; limit?: number } = {};
  const sortStage = pipeline[0]?.$sort;
  if (
    isPlainObject(sortStage) &&
    Object.keys(pipeline[0] as Doc).length === 1 &&
    Object.values(sortStage).every((value) => typeof value === 'number')
  ) {
    found.sort = sortStage;
    used++;
  }
  const skip = pipeline[used]?.$skip;
  if (typeof skip === 'number' && skip >= 0 && Number.isInteger(skip)) {
    found.skip = skip;
    used++;
  }
  const limit = pipeline[used]?.$limit;
  if (typeof limit === 'number' && limit > 0 && Number.isInteger(limit)) {
    found.limit = limit;
    used++;
  }
  return { ...found, used };
}

function runAggregate(context: CommandContext, explain?: AggregateExplain): Doc[] {
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
  // A leading $match filters through the indexes (and $text) before the rest of the pipeline,
  // and a $sort, $skip and $limit right after it (or at the start) read through them too.
  let input: Doc[];
  const first = pipeline[0];
  const match = first && isPlainObject(first.$match) ? first.$match : undefined;
  const textMatch = match !== undefined && extractText(match).text !== undefined;
  const pushed = textMatch ? { used: 0 } : pushDown(pipeline.slice(match ? 1 : 0));
  if (match || pushed.used > 0 || explain) {
    input = selectDocuments(context, collection, match ?? {}, {
      collation,
      sort: pushed.sort,
      skip: pushed.skip,
      limit: pushed.limit,
      hint: body.hint,
      ...(explain ? { explain } : {}),
    });
    pipeline = pipeline.slice((match ? 1 : 0) + pushed.used);
    if (explain) Object.assign(explain, { skip: pushed.skip, limit: pushed.limit });
  } else {
    input = collection ? store.scan(collection, txn) : [];
  }
  if (explain) explain.rest = pipeline;
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
    // Raised by the engine's own operators with MongoDB's code already.
    if (error instanceof MongoError) throw error;
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
  return results;
}

// ---- explain -------------------------------------------------------------------------------

/** The stages above the access stage, as MongoDB's classic planner nests them. */
function winningPlan(
  plan: QueryPlan | undefined,
  sort: SortSpec | undefined,
  skip: number | undefined,
  limit: number | undefined,
): Doc {
  let stage: Doc = plan?.stage() ?? { stage: 'TEXT_MATCH', inputStage: { stage: 'TEXT_OR' } };
  const sortInMemory = sort !== undefined && plan?.sorted !== true;
  if (sortInMemory) {
    stage = {
      stage: 'SORT',
      sortPattern: sort,
      memLimit: 104857600,
      ...(limit ? { limitAmount: (skip ?? 0) + limit } : {}),
      type: 'simple',
      inputStage: stage,
    };
  }
  if (skip) stage = { stage: 'SKIP', skipAmount: skip, inputStage: stage };
  if (limit && !sortInMemory) stage = { stage: 'LIMIT', limitAmount: limit, inputStage: stage };
  return stage;
}

function explainReport(
  context: CommandContext,
  namespace: string,
  filter: Doc,
  captured: NonNullable<SelectOptions['explain']>,
  skip: number | undefined,
  limit: number | undefined,
  nReturned: number,
  millis: number,
): Doc {
  const verbosity =
    typeof context.body.verbosity === 'string' ? context.body.verbosity : 'allPlansExecution';
  const plan = winningPlan(captured.plan, captured.sort, skip, limit);
  const report: Doc = {
    queryPlanner: {
      namespace,
      indexFilterSet: false,
      parsedQuery: filter,
      planCacheShapeHash: '00000000',
      maxIndexedOrSolutionsReached: false,
      maxIndexedAndSolutionsReached: false,
      maxScansToExplodeReached: false,
      winningPlan: plan,
      rejectedPlans: [],
    },
  };
  if (verbosity !== 'queryPlanner') {
    const stats = captured.plan?.stats ?? { keysExamined: 0, docsExamined: 0 };
    report.executionStats = {
      executionSuccess: true,
      nReturned,
      executionTimeMillis: millis,
      totalKeysExamined: stats.keysExamined,
      totalDocsExamined: stats.docsExamined,
      executionStages: { ...plan, nReturned },
      ...(verbosity === 'allPlansExecution' ? { allPlansExecution: [] } : {}),
    };
  }
  return report;
}

const SERVER_INFO = {
  host: 'memory-mongo',
  port: 27017,
  version: '7.0.0',
  gitVersion: 'memory-mongo',
};

/** `{ explain: { find | aggregate ... }, verbosity }`: runs the command and reports its plan. */
const explainCommand: CommandHandler = (context) => {
  const inner = optionalDocument(context.body, 'explain');
  if (!inner) throw typeMismatch('explain', 'object');
  const command = Object.keys(inner)[0] ?? '';
  const innerContext: CommandContext = { ...context, body: inner };
  const started = performance.now();
  if (command === 'find') {
    const name = targetName(innerContext);
    const captured: NonNullable<SelectOptions['explain']> = {};
    const results = runFind(innerContext, name, captured);
    const limit = optionalNumber(inner, 'limit');
    return {
      explainVersion: '1',
      ...explainReport(
        context,
        `${context.db}.${name}`,
        optionalDocument(inner, 'filter') ?? {},
        captured,
        optionalNumber(inner, 'skip'),
        limit === undefined ? undefined : Math.abs(limit),
        results.length,
        Math.round(performance.now() - started),
      ),
      command: inner,
      serverInfo: SERVER_INFO,
      ok: 1,
    };
  }
  if (command === 'aggregate' && typeof inner.aggregate === 'string') {
    const captured: AggregateExplain = {};
    const results = runAggregate(innerContext, captured);
    const first = Array.isArray(inner.pipeline)
      ? (inner.pipeline[0] as Doc | undefined)
      : undefined;
    const filter = first && isPlainObject(first.$match) ? first.$match : {};
    const rest = captured.rest ?? [];
    const millis = Math.round(performance.now() - started);
    const report = explainReport(
      context,
      `${context.db}.${inner.aggregate}`,
      filter,
      captured,
      captured.skip,
      captured.limit,
      rest.length === 0 ? results.length : (captured.plan?.stats.docsExamined ?? 0),
      millis,
    );
    // The whole pipeline ran as one query: MongoDB reports it as a find's plan.
    if (rest.length === 0) {
      return { explainVersion: '1', ...report, command: inner, serverInfo: SERVER_INFO, ok: 1 };
    }
    return {
      explainVersion: '1',
      stages: [{ $cursor: report }, ...rest],
      command: inner,
      serverInfo: SERVER_INFO,
      ok: 1,
    };
  }
  throw new MongoError(
    'CommandNotFound',
    `explain of '${command}' is not supported by memory-mongo (find and aggregate are)`,
  );
};

export const readCommands: CommandTable = {
  find,
  getMore,
  killCursors,
  count,
  distinct,
  aggregate,
  explain: explainCommand,
};
