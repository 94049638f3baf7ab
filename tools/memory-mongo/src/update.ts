import { Aggregator, update as applyOperators } from 'mingo';
import { BSON, ObjectId } from 'bson';
import { prepareArithmetic } from './arithmetic.js';
import { MongoError } from './errors.js';
import { type Collation, mingoOptions } from './query.js';
import {
  cloneValue,
  type Doc,
  isOperatorObject,
  isPlainObject,
  keyString,
  withIdFirst,
} from './values.js';

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
  '$currentDate',
  '$bit',
  '$setOnInsert',
]);

const PIPELINE_UPDATE_STAGES = new Set([
  '$addFields',
  '$set',
  '$project',
  '$unset',
  '$replaceRoot',
  '$replaceWith',
]);

export type UpdateSpec = Doc | Doc[];

export interface UpdateOptions {
  arrayFilters?: Doc[];
  /** The statement's filter, which resolves the positional `$` operator. */
  filter?: Doc;
  collation?: Collation;
  /** The update creates a document (upsert): `$setOnInsert` applies. */
  inserting?: boolean;
}

export function validateUpdate(spec: unknown): UpdateSpec {
  if (Array.isArray(spec)) {
    for (const stage of spec) {
      const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
      if (!name || !PIPELINE_UPDATE_STAGES.has(name)) {
        throw new MongoError(
          'InvalidOptions',
          `${String(name)} is not allowed to be used within an update`,
        );
      }
    }
    return spec as Doc[];
  }
  if (!isPlainObject(spec))
    throw new MongoError('FailedToParse', 'Update argument must be either an object or an array');
  const keys = Object.keys(spec);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length > 0 && operators.length !== keys.length) {
    const field = keys.find((key) => !key.startsWith('$'));
    throw new MongoError(
      'FailedToParse',
      `Unknown modifier: ${String(field)}. Expected a valid update modifier`,
    );
  }
  for (const operator of operators) {
    if (!UPDATE_OPERATORS.has(operator)) {
      throw new MongoError(
        'FailedToParse',
        `Unknown modifier: ${operator}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
  }
  return spec;
}

const IMMUTABLE_ID_MESSAGE =
  "Performing an update on the path '_id' would modify the immutable field '_id'";

/** mingo reports some update errors itself; they get the server's codes. */
function updateError(error: Error): MongoError {
  if (error.message.includes("immutable field '_id'"))
    return new MongoError('ImmutableField', IMMUTABLE_ID_MESSAGE);
  return new MongoError('BadValue', error.message);
}

export function isReplacement(spec: UpdateSpec): boolean {
  return !Array.isArray(spec) && !Object.keys(spec).some((key) => key.startsWith('$'));
}

/** The document after the update; `before` is never modified. */
export function applyUpdate(before: Doc, spec: UpdateSpec, options: UpdateOptions = {}): Doc {
  let after: Doc;
  if (Array.isArray(spec)) after = applyPipeline(before, spec, options.collation);
  else if (isReplacement(spec)) after = { _id: before._id, ...cloneValue(spec) };
  else after = applyOperatorUpdate(before, spec, options);
  if ('_id' in before && keyString(after._id) !== keyString(before._id)) {
    throw new MongoError('ImmutableField', IMMUTABLE_ID_MESSAGE);
  }
  return withIdFirst(after);
}

function applyPipeline(before: Doc, stages: Doc[], collation?: Collation): Doc {
  try {
    const [result] = new Aggregator(stages, mingoOptions(collation)).run([cloneValue(before)]);
    const after = (result ?? {}) as Doc;
    if (!('_id' in after) && '_id' in before) after._id = before._id;
    return after;
  } catch (error) {
    throw new MongoError('BadValue', (error as Error).message);
  }
}

function applyOperatorUpdate(before: Doc, spec: Doc, options: UpdateOptions): Doc {
  const modifier = prepareArithmetic(before, spec);
  const onInsert = modifier.$setOnInsert;
  delete modifier.$setOnInsert;
  if (options.inserting && isPlainObject(onInsert)) {
    modifier.$set = { ...(isPlainObject(modifier.$set) ? modifier.$set : {}), ...onInsert };
  }
  const after = cloneValue(before);
  const positional = JSON.stringify(
    Object.values(modifier).map((fields) => Object.keys(fields as Doc)),
  ).includes('.$');
  try {
    applyOperators(
      after,
      modifier as Parameters<typeof applyOperators>[1],
      options.arrayFilters,
      positional ? options.filter : undefined,
      { cloneMode: 'deep', queryOptions: mingoOptions(options.collation) },
    );
  } catch (error) {
    throw updateError(error as Error);
  }
  return after;
}

/** Whether an update changed anything, field order included (as MongoDB counts nModified). */
export function changed(before: Doc, after: Doc): boolean {
  return !Buffer.from(BSON.serialize(before)).equals(BSON.serialize(after));
}

/**
 * The document an upsert starts from: the filter's equality conditions (top level and inside
 * `$and`), with dotted paths expanded.
 */
export function upsertSeed(filter: Doc): Doc {
  const seed: Doc = {};
  const visit = (part: Doc): void => {
    for (const [key, condition] of Object.entries(part)) {
      if (key === '$and' && Array.isArray(condition)) {
        for (const item of condition) if (isPlainObject(item)) visit(item);
        continue;
      }
      if (key.startsWith('$')) continue;
      if (isOperatorObject(condition)) {
        if ('$eq' in condition) setPath(seed, key, cloneValue(condition.$eq));
      } else if (!(condition instanceof RegExp)) {
        setPath(seed, key, cloneValue(condition));
      }
    }
  };
  visit(filter);
  return seed;
}

function setPath(target: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {};
    node = node[part] as Doc;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** A new document for an upsert: seed from the filter, then the update, then an `_id`. */
export function buildUpsertDocument(filter: Doc, spec: UpdateSpec, options: UpdateOptions): Doc {
  const seed = upsertSeed(filter);
  let document: Doc;
  if (isReplacement(spec)) {
    document = { ...cloneValue(spec as Doc) };
    if (!('_id' in document) && '_id' in seed) document._id = seed._id;
  } else {
    document = applyUpdate(seed, spec, { ...options, inserting: true });
  }
  if (!('_id' in document)) document._id = new ObjectId();
  return withIdFirst(document);
}
