import { Aggregator, ProcessingMode, Query } from 'mingo';
import { Long } from 'bson';
import { MongoError, typeMismatch } from '../errors.js';
import {
  type Collation,
  compileFilter,
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
import { planQuery, type QueryPlan } from '../planner.js';
import { type SortSpec, sortDocuments, sortSpec } from '../sort.js';
import type { Collection } from '../storage/collection.js';
import {
  cloneValue,
  type Doc,
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
  const scores = text ? textSearch(context.store, collection, text, context.txn) : undefined;
  const sort = rewriteMetaSort(options.sort);
  const spec = sort ? sortSpec(sort) : undefined;
  const skip = options.skip ?? 0;
  const plan = scores
    ? undefined
    : planQuery(context.store, collection, rest, context.txn, {
        collation: options.collation,
        sort: spec,
        hint: options.hint,
        ...(options.limit ? { wanted: skip + options.limit } : {}),
      });
  if (options.explain) Object.assign(options.explain, { plan, sort: spec });
  const docs = scores ? scores.keys() : (plan as QueryPlan).docs;
  const query = compileFilter(rest, options.collation);
  const fold = stringFold(options.collation);
  // An index may already give the documents in the sort's order.
  const inOrder = !sort || plan?.sorted === true;
  // Without a sort the first matches are the answer, so stop reading once they are found
  // (mingo's own limit reads its whole input).
  const wanted = inOrder && options.limit ? skip + options.limit : Infinity;
  const matched: Doc[] = [];
  try {
    for (const doc of docs) {
      const view = queryView(doc, fold);
      if (!query.test(view)) continue;
      matched.push(view);
      if (matched.length >= wanted) break;
    }
    const scoreOf = scores && ((view: Doc) => scores.get(originalOf(view)));
    const ordered =
      spec && !inOrder ? sortDocuments(matched, spec, options.collation, scoreOf) : matched;
    const end = options.limit ? skip + options.limit : undefined;
    const page = ordered.slice(skip, end).map(originalOf);
    // Only what is returned carries its score, in the hidden field `$meta` reads.
    return scores ? page.map((doc) => ({ ...doc, [TEXT_SCORE_FIELD]: scores.get(doc) })) : page;
  } catch (error) {
    throw new MongoError('BadValue', (error as Error).message);
  }
}

/** Applies a find-style projection, including `{ $meta: 'textScore' }` fields. */
export function project(docs: Doc[], rawProjection: Doc | undefined, collation?: Collation): Doc[] {
  const { projection, scoreFields } = splitMetaProjection(rawProjection);
  let projected = docs;
  if (projection && Object.keys(projection).length > 0) {
    try {
      projected = new Query({}, mingoOptions(collation)).find(docs, projection).all() as Doc[];
    } catch (error) {
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
  const collation = collationOf(body);
  const docs = selectDocuments(context, collection, optionalDocument(body, 'filter') ?? {}, {
    sort: optionalDocument(body, 'sort'),
    skip: optionalNumber(body, 'skip'),
    limit: limit === undefined ? undefined : Math.abs(limit),
    collation,
  });
  const results = project(docs, optionalDocument(body, 'projection'), collation);
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
  const collation = collationOf(body);
  const collection = store.collection(db, name);
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
    if (/unknown pipeline operator|pipeline operator .* not found/i.test(message)) {
      throw new MongoError('Location40324', `Unrecognized pipeline stage name: ${message}`);
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
