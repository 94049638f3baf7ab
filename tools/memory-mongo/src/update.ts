import { Context } from 'mingo';
// The bare Aggregator: the one 'mingo' exports puts mingo's own operators before the context's.
import { Aggregator } from 'mingo/aggregator';
import * as booleanExpressions from 'mingo/operators/expression/boolean';
import * as comparisonExpressions from 'mingo/operators/expression/comparison';
import * as queryOperators from 'mingo/operators/query';
import * as updateOperators from 'mingo/operators/update';
import { Query } from 'mingo/query';
import { BSON, ObjectId } from 'bson';
import { prepareArithmetic } from './arithmetic.js';
import { MongoError } from './errors.js';
import { bsonTypeOf, queryView } from './numbers.js';
import {
  type Collation,
  compileFilter,
  mingoOptions,
  optionsWithLocals,
  stringFold,
} from './query.js';
import {
  cloneValue,
  describeKeyValue,
  type Doc,
  isOperatorObject,
  isPlainObject,
  keyString,
  valuesAtPath,
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

/**
 * The operators mingo's updater gives an update's `$` filter and array filters (query, boolean and
 * comparison), in one context built once. The updater itself builds and copies such a context on
 * every call; the engine calls mingo's update operators directly with options that share this one.
 */
const UPDATE_CONTEXT = Context.init({
  expression: { ...booleanExpressions, ...comparisonExpressions },
  query: queryOperators,
});

/** mingo's update operators; their options type (`ComputeOptions`) is not exported. */
type UpdateOperator = (
  expression: Doc,
  arrayFilters: Doc[],
  options: unknown,
) => (document: Doc) => string[];
const UPDATE_OPERATOR_TABLE = updateOperators as unknown as Record<string, UpdateOperator>;

/** mingo reports some update errors itself; they get the server's codes. */
function updateError(error: Error): MongoError {
  if (error.message.includes("immutable field '_id'"))
    return new MongoError('ImmutableField', IMMUTABLE_ID_MESSAGE);
  if (error.message.includes('would create a conflict'))
    return new MongoError('ConflictingUpdateOperators', error.message);
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
  checkConflicts(spec);
  let modifier = prepareArithmetic(before, spec);
  const onInsert = modifier.$setOnInsert;
  delete modifier.$setOnInsert;
  if (options.inserting && isPlainObject(onInsert)) {
    modifier.$set = { ...(isPlainObject(modifier.$set) ? modifier.$set : {}), ...onInsert };
  }
  const newId = takeUnchangedId(before, modifier);
  const dollarFields = options.inserting ? takeDollarFields(modifier) : {};
  checkPaths(before, modifier);
  // mingo refuses two positional paths into one array (`a.$.b` and `a.$.c`); MongoDB allows
  // them, so such updates get their positions resolved here, against the document as it was.
  if (rootsOverlap(modifierPaths(modifier).map(positionalRoot))) {
    modifier = resolvePositions(before, modifier, options);
  }
  modifier = preparePull(before, modifier, options.collation);
  const after = cloneValue(before);
  try {
    applyOperators(after, modifier, options);
  } catch (error) {
    throw updateError(error as Error);
  }
  if (newId !== undefined) after._id = newId;
  Object.assign(after, dollarFields);
  return after;
}

/**
 * Applies the update operators to `document` in place, as mingo's updater does for one matched
 * document, without its per-call set-up (a new context with operator tables copied into it, and a
 * filter compiled only to test the document the engine already chose). With a `$` path the
 * statement's filter still decides, as there, whether anything changes, and resolves the element.
 */
function applyOperators(document: Doc, modifier: Doc, options: UpdateOptions): void {
  const firstMatch = modifierPaths(modifier).some((path) => path.split('.').includes('$'));
  const condition = firstMatch ? (options.filter ?? {}) : {};
  const computeOptions = optionsWithLocals(UPDATE_CONTEXT, options.collation, {
    condition,
    updateConfig: { cloneMode: 'deep', arrayFilters: options.arrayFilters },
  });
  if (firstMatch && Object.keys(condition).length > 0) {
    if (!new Query(condition, computeOptions).test(document)) return;
  }
  const arrayFilters = options.arrayFilters ?? [];
  const updates: Array<(document: Doc) => string[]> = [];
  for (const [operator, expression] of Object.entries(modifier)) {
    const apply = UPDATE_OPERATOR_TABLE[operator];
    if (!apply) throw new MongoError('FailedToParse', `Unknown modifier: ${operator}`);
    updates.push(apply(expression as Doc, arrayFilters, computeOptions));
  }
  for (const update of updates) update(document);
}

// ---- checks and rewrites mingo's updater needs to behave as MongoDB --------------------------

/** `$`, `$[]` and `$[<identifier>]` path elements. */
const isPositional = (part: string): boolean => part === '$' || part.startsWith('$[');

/** Every path an update writes, `$rename` targets included. */
function modifierPaths(modifier: Doc): string[] {
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, value] of Object.entries(fields)) {
      paths.push(path);
      if (operator === '$rename' && typeof value === 'string') paths.push(value);
    }
  }
  return paths;
}

/** The first pair of paths where one equals or is a prefix of the other (element-wise). */
function firstOverlap(paths: string[]): [string, string] | undefined {
  const seen: string[][] = [];
  for (const path of paths) {
    const parts = path.split('.');
    for (const other of seen) {
      const length = Math.min(parts.length, other.length);
      if (parts.slice(0, length).every((part, index) => part === other[index])) {
        return [path, parts.slice(0, length).join('.')];
      }
    }
    seen.push(parts);
  }
  return undefined;
}

const rootsOverlap = (paths: string[]): boolean => firstOverlap(paths) !== undefined;

/**
 * Two paths of one update conflict when they are the same or one is a prefix of the other;
 * positional elements count as path elements, so `a.$.b` and `a.$.c` do not conflict.
 */
function checkConflicts(spec: Doc): void {
  const overlap = firstOverlap(modifierPaths(spec));
  if (overlap) {
    throw new MongoError(
      'ConflictingUpdateOperators',
      `Updating the path '${overlap[0]}' would create a conflict at '${overlap[1]}'`,
    );
  }
}

/** The part of a path before its first positional element (mingo's conflict unit). */
function positionalRoot(path: string): string {
  const parts = path.split('.');
  const index = parts.findIndex(isPositional);
  return (index < 0 ? parts : parts.slice(0, index)).join('.');
}

/**
 * `$set` of `_id` to its current value changes nothing (mingo refuses any `_id` path), and an
 * upsert's new document takes the `_id` it sets. Returns that new `_id`, if any.
 */
function takeUnchangedId(before: Doc, modifier: Doc): unknown {
  const set = modifier.$set;
  if (!isPlainObject(set) || !('_id' in set)) return undefined;
  const { _id: id, ...rest } = set;
  const unchanged = '_id' in before && keyString(id) === keyString(before._id);
  if (!unchanged && '_id' in before) return undefined;
  if (Object.keys(rest).length > 0) modifier.$set = rest;
  else delete modifier.$set;
  return unchanged ? undefined : id;
}

/**
 * An upsert's new document is validated as an insert, so since MongoDB 5.0 its `$set` may
 * create top-level `$`-prefixed fields (mingo refuses such paths): they are taken out here.
 */
function takeDollarFields(modifier: Doc): Doc {
  const set = modifier.$set;
  if (!isPlainObject(set)) return {};
  const dollar = Object.keys(set).filter((key) => key.startsWith('$') && !key.includes('.'));
  if (dollar.length === 0) return {};
  const taken: Doc = {};
  const rest: Doc = { ...set };
  for (const key of dollar) {
    taken[key] = cloneValue(set[key]);
    delete rest[key];
  }
  if (Object.keys(rest).length > 0) modifier.$set = rest;
  else delete modifier.$set;
  return taken;
}

/** Operators that create the path they write to when it is missing. */
const CREATING_OPERATORS = [
  '$set',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$addToSet',
  '$currentDate',
  '$bit',
];

/** Renders a value as MongoDB's messages do: `{ a: 1 }`, `[ 1, 2 ]`, `"text"`. */
function renderValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.length ? `[ ${value.map(renderValue).join(', ')} ]` : '[]';
  }
  if (isPlainObject(value)) {
    const fields = Object.entries(value).map(([key, item]) => `${key}: ${renderValue(item)}`);
    return fields.length ? `{ ${fields.join(', ')} }` : '{}';
  }
  return describeKeyValue({ v: value }).slice('{ v: '.length, -' }'.length);
}

/**
 * What MongoDB refuses before writing: a path through an array with a non-numeric element or
 * through a scalar (28 PathNotViable), and `$push` onto a field that is not an array (2).
 */
function checkPaths(before: Doc, modifier: Doc): void {
  const targets: [string, string][] = [];
  for (const operator of CREATING_OPERATORS) {
    const fields = modifier[operator];
    if (isPlainObject(fields))
      for (const path of Object.keys(fields)) targets.push([operator, path]);
  }
  if (isPlainObject(modifier.$rename)) {
    for (const target of Object.values(modifier.$rename)) {
      if (typeof target === 'string') targets.push(['$rename', target]);
    }
  }
  for (const [operator, path] of targets) {
    const parts = path.split('.');
    let node: unknown = before;
    for (const [index, part] of parts.entries()) {
      if (isPositional(part)) break;
      if (index > 0 && !isPlainObject(node) && !(Array.isArray(node) && /^\d+$/.test(part))) {
        if (node === undefined) break;
        throw new MongoError(
          'PathNotViable',
          `Cannot create field '${part}' in element {${parts[index - 1]}: ${renderValue(node)}}`,
        );
      }
      node = (node as Doc)[part];
      if (index === parts.length - 1 && operator === '$push' && node !== undefined) {
        if (!Array.isArray(node)) {
          throw new MongoError(
            'BadValue',
            `The field '${path}' must be an array but is of type ${bsonTypeOf(node)} in document {${renderValue({ _id: before._id }).slice(2, -2)}}`,
          );
        }
      }
    }
  }
}

/** A test of one value against a filter, with the engine's query semantics. */
function matcher(filter: Doc, collation?: Collation): (value: Doc) => boolean {
  const query = compileFilter(filter, collation);
  const fold = stringFold(collation);
  return (value) => query.test(queryView(value, fold));
}

/**
 * Rewrites positional paths into the element indexes they stand for in `before`: `$` is the
 * first element the filter matched, `$[]` every element, `$[id]` those its array filter
 * matches. A path that cannot be resolved is left for mingo (and its error).
 */
function resolvePositions(before: Doc, modifier: Doc, options: UpdateOptions): Doc {
  const filter = options.filter ?? {};
  const elementFilters = new Map<string, Doc>();
  for (const arrayFilter of options.arrayFilters ?? []) {
    for (const [key, condition] of Object.entries(arrayFilter)) {
      const id = key.split('.')[0] as string;
      elementFilters.set(id, { ...elementFilters.get(id), [key]: condition });
    }
  }
  const indexes = (parts: string[], part: string, array: unknown[]): number[] | undefined => {
    const all = array.map((_, index) => index);
    if (part === '$[]') return all;
    if (part === '$') {
      const root = parts.join('.');
      const keys = Object.keys(filter).filter((key) => key === root || key.startsWith(`${root}.`));
      if (keys.length !== 1) return undefined;
      const key = keys[0] as string;
      const test = matcher({ [key]: filter[key] }, options.collation);
      const found = array.findIndex((element) => {
        const probe: Doc = {};
        setPath(probe, root, [element]);
        return test(probe);
      });
      return found < 0 ? undefined : [found];
    }
    const id = part.slice(2, -1);
    const condition = elementFilters.get(id);
    if (!condition) return undefined;
    const test = matcher(condition, options.collation);
    return all.filter((index) => test({ [id]: array[index] }));
  };
  const expand = (node: unknown, parts: string[], done: string[]): string[][] | undefined => {
    if (parts.length === 0) return [done];
    const [part, ...rest] = parts as [string, ...string[]];
    if (!isPositional(part)) {
      const next = Array.isArray(node)
        ? node[Number(part)]
        : isPlainObject(node)
          ? node[part]
          : undefined;
      return expand(next, rest, [...done, part]);
    }
    // `$[]` and `$[id]` into a missing or non-array field change nothing (as mingo does alone).
    if (!Array.isArray(node)) return part === '$' ? undefined : [];
    const chosen = indexes(done, part, node);
    if (!chosen) return undefined;
    const paths: string[][] = [];
    for (const index of chosen) {
      const expanded = expand(node[index], rest, [...done, String(index)]);
      if (!expanded) return undefined;
      paths.push(...expanded);
    }
    return paths;
  };
  const resolved: Doc = {};
  for (const [operator, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields)) {
      resolved[operator] = fields;
      continue;
    }
    const rewritten: Doc = {};
    for (const [path, value] of Object.entries(fields)) {
      const expanded = path.split('.').some(isPositional)
        ? expand(before, path.split('.'), [])
        : undefined;
      if (!expanded) rewritten[path] = value;
      else for (const parts of expanded) rewritten[parts.join('.')] = value;
    }
    if (Object.keys(rewritten).length > 0) resolved[operator] = rewritten;
  }
  return resolved;
}

/** Query operators that make a `$pull` condition a whole-element match, not a value match. */
const ELEMENT_QUERY_OPERATORS = new Set(['$and', '$or', '$nor', '$expr']);

/**
 * `$pull: { items: { $or: [...] } }` matches each element as a document; mingo would test the
 * condition as a value operator. Such pulls become a `$in` of the matching elements.
 */
function preparePull(before: Doc, modifier: Doc, collation?: Collation): Doc {
  const pull = modifier.$pull;
  if (!isPlainObject(pull)) return modifier;
  const prepared: Doc = { ...pull };
  for (const [path, condition] of Object.entries(pull)) {
    const first = isPlainObject(condition) ? Object.keys(condition)[0] : undefined;
    if (!first || !ELEMENT_QUERY_OPERATORS.has(first) || path.split('.').some(isPositional))
      continue;
    const found = valuesAtPath(before, path, { keepLeafArrays: true });
    const array = found.length === 1 ? found[0] : undefined;
    if (!Array.isArray(array)) continue;
    const test = matcher(condition as Doc, collation);
    prepared[path] = { $in: array.filter((element) => isPlainObject(element) && test(element)) };
  }
  return { ...modifier, $pull: prepared };
}

/** Whether an update changed anything, field order included (as MongoDB counts nModified). */
export function changed(before: Doc, after: Doc): boolean {
  // Most updates change something: finding it is cheaper than encoding both versions.
  if (surelyDifferent(before, after)) return true;
  return !Buffer.from(BSON.serialize(before)).equals(BSON.serialize(after));
}

/**
 * True when two values certainly encode to different BSON: different strings, numbers (not NaN,
 * not 0 against -0), booleans or dates, different field names or order, different array
 * lengths. False means "maybe equal": the bytes decide.
 */
function surelyDifferent(a: unknown, b: unknown): boolean {
  if (a === b) return false;
  const type = typeof a;
  if (type !== typeof b) {
    const simple = (value: unknown): boolean =>
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    return simple(a) && simple(b);
  }
  if (type === 'string' || type === 'boolean') return true;
  if (type === 'number') return !(Number.isNaN(a) && Number.isNaN(b));
  if (a instanceof Date && b instanceof Date) {
    const x = a.getTime();
    const y = b.getTime();
    return x !== y && !(Number.isNaN(x) && Number.isNaN(y));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return true;
    for (let i = 0; i < a.length; i++) if (surelyDifferent(a[i], b[i])) return true;
    return false;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length) return true;
    for (let i = 0; i < keysA.length; i++) {
      const key = keysA[i] as string;
      if (key !== keysB[i]) return true;
      if (surelyDifferent(a[key], b[key])) return true;
    }
  }
  return false;
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
    if ('_id' in document && '_id' in seed && keyString(document._id) !== keyString(seed._id)) {
      throw new MongoError('ImmutableField', IMMUTABLE_ID_MESSAGE);
    }
    if (!('_id' in document) && '_id' in seed) document._id = seed._id;
  } else {
    document = applyUpdate(seed, spec, { ...options, inserting: true });
  }
  if (!('_id' in document)) document._id = new ObjectId();
  return withIdFirst(document);
}
