import { Context } from 'mingo';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { Binary } from 'bson';
import { zoneAwareDateOperators } from './date-time-zones.js';
import { MongoError } from './errors.js';
import type { Collection } from './storage/collection.js';
import type { Store } from './storage/store.js';
import { parseSearch } from './storage/text-index.js';
import type { Transaction } from './storage/transaction.js';
import { dbRefField, matchesBsonType, originalOf, queryView, type StringFold } from './numbers.js';
import { type Doc, isPlainObject, keyString, valuesAtPath } from './values.js';

export interface Collation {
  locale?: string;
  strength?: number;
  caseLevel?: boolean;
  caseFirst?: string;
  numericOrdering?: boolean;
  alternate?: string;
}

/** The field a text search writes its score into, read back by `{ $meta: 'textScore' }`. */
export const TEXT_SCORE_FIELD = '__memoryMongoTextScore';

/** ICU's `@collation=` keywords as MongoDB names them, and their BCP 47 `co` values. */
const COLLATION_KEYWORDS: Record<string, string> = {
  phonebook: 'phonebk',
  traditional: 'trad',
  pinyin: 'pinyin',
  stroke: 'stroke',
  search: 'search',
  unihan: 'unihan',
  zhuyin: 'zhuyin',
  big5han: 'big5han',
  gb2312han: 'gb2312',
  compat: 'compat',
  eor: 'eor',
  emoji: 'emoji',
  dictionary: 'dict',
  standard: 'standard',
};

function describeCollation(collation: Collation): string {
  const fields = Object.entries(collation).map(
    ([key, value]) =>
      `${key}: ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
  );
  return `{ ${fields.join(', ')} }`;
}

function supported(tag: string): boolean {
  try {
    return Intl.Collator.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

/**
 * The BCP 47 tag Intl knows a MongoDB locale by (`en_US` -> `en-US`, `de@collation=phonebook`
 * -> `de-u-co-phonebk`); undefined for `simple` (binary comparison). An unknown locale is
 * MongoDB's BadValue.
 */
export function localeTag(collation: Collation): string | undefined {
  const { locale } = collation;
  if (locale === 'simple') return undefined;
  const match =
    typeof locale === 'string'
      ? /^([A-Za-z]{2,3}(?:_[A-Za-z0-9]+)*)(?:@collation=(\w+))?$/.exec(locale)
      : null;
  const keyword = match?.[2] === undefined ? '' : COLLATION_KEYWORDS[match[2]];
  const tag =
    match && keyword !== undefined
      ? (match[1] as string).replace(/_/g, '-') + (keyword ? `-u-co-${keyword}` : '')
      : undefined;
  if (tag === undefined || !supported(tag)) {
    throw new MongoError(
      'BadValue',
      `Field 'locale' is invalid in: ${describeCollation(collation)}`,
    );
  }
  return tag;
}

/** Checks a collation document (`simple` stays: it overrides a collection's default). */
export function checkCollation(collation: Collation | undefined): Collation | undefined {
  if (collation === undefined) return undefined;
  if (typeof collation.locale !== 'string') {
    throw new MongoError('BadValue', `Missing expected field "locale"`);
  }
  localeTag(collation);
  return collation;
}

/** A collation as MongoDB lists it for a collection or an index: every field spelled out. */
export function expandCollation(collation: Collation): Doc {
  return {
    locale: collation.locale,
    caseLevel: collation.caseLevel === true,
    caseFirst: collation.caseFirst ?? 'off',
    strength: collation.strength ?? 3,
    numericOrdering: collation.numericOrdering === true,
    alternate: collation.alternate ?? 'non-ignorable',
    maxVariable: 'punct',
    normalization: false,
    backwards: false,
    version: '57.1',
    ...collation,
  };
}

/** The operation's own collation, or else the collection's default one. */
export function effectiveCollation(
  own: Collation | undefined,
  collectionDefault: unknown,
): Collation | undefined {
  if (own !== undefined) return checkCollation(own);
  return isPlainObject(collectionDefault) ? checkCollation(collectionDefault) : undefined;
}

/** The collation as mingo takes it (mingo hands the locale to Intl as it is). */
function mingoCollation(collation: Collation | undefined): Options['collation'] {
  const tag = collation ? localeTag(collation) : undefined;
  if (!collation || tag === undefined) return undefined;
  return {
    locale: tag,
    strength: collationStrength(collation.strength),
    ...(collation.caseLevel === true ? { caseLevel: true } : {}),
    ...(collation.numericOrdering === true ? { numericOrdering: true } : {}),
    ...(collation.caseFirst === 'upper' || collation.caseFirst === 'lower'
      ? { caseFirst: collation.caseFirst }
      : {}),
  };
}

const collators = new Map<string, Intl.Collator>();

/** The Intl collator for a collation (strength, caseLevel, numericOrdering, caseFirst). */
export function collatorFor(collation: Collation | undefined): Intl.Collator | undefined {
  return collatorForSpec(mingoCollation(collation));
}

function collatorForSpec(spec: Options['collation']): Intl.Collator | undefined {
  if (!spec) return undefined;
  const key = JSON.stringify(spec);
  let collator = collators.get(key);
  if (!collator) {
    let sensitivity = spec.strength === 1 ? 'base' : spec.strength === 2 ? 'accent' : 'variant';
    if (spec.caseLevel && sensitivity === 'base') sensitivity = 'case';
    if (spec.caseLevel && sensitivity === 'accent') sensitivity = 'variant';
    collator = new Intl.Collator(spec.locale, {
      sensitivity: sensitivity as Intl.CollatorOptions['sensitivity'],
      numeric: spec.numericOrdering === true,
      ...(spec.caseFirst === 'upper' || spec.caseFirst === 'lower'
        ? { caseFirst: spec.caseFirst }
        : {}),
    });
    collators.set(key, collator);
  }
  return collator;
}

export function mingoOptions(
  collation?: Collation,
  extra: Partial<Options> = {},
): Partial<Options> {
  const spec = mingoCollation(collation);
  return {
    scriptEnabled: false,
    // Aggregations and pipeline updates too read time zones as MongoDB does.
    context: DEFAULT_CONTEXT,
    ...(spec ? { collation: spec } : {}),
    ...extra,
  };
}

function collationStrength(strength: number | undefined): 1 | 2 | 3 {
  return strength === 1 || strength === 2 ? strength : 3;
}

export function isCaseInsensitive(collation: Collation | undefined): boolean {
  return (
    collation?.locale !== undefined &&
    collation.locale !== 'simple' &&
    collation.strength !== undefined &&
    collation.strength <= 2
  );
}

/**
 * Under a case-insensitive collation (strength 1 or 2) strings compare folded: lower case, and
 * for strength 1 without diacritics. Documents and filter are folded alike. `caseLevel` keeps
 * case significant.
 */
export function stringFold(collation: Collation | undefined): StringFold {
  if (!isCaseInsensitive(collation)) return undefined;
  const keepCase = collation?.caseLevel === true;
  if (collation?.strength === 1) {
    return keepCase
      ? (text) => text.normalize('NFD').replace(/\p{M}+/gu, '')
      : (text) =>
          text
            .normalize('NFD')
            .replace(/\p{M}+/gu, '')
            .toLowerCase();
  }
  return keepCase ? undefined : (text) => text.toLowerCase();
}

/** BinData order: by length, then subtype, then byte by byte. */
export function compareBinary(a: Binary, b: Binary): number {
  if (a.position !== b.position) return a.position - b.position;
  if (a.sub_type !== b.sub_type) return a.sub_type - b.sub_type;
  for (let i = 0; i < a.position; i++) {
    const order = (a.buffer[i] as number) - (b.buffer[i] as number);
    if (order !== 0) return order;
  }
  return 0;
}

type QueryOperator = typeof queryOperators.$gt;
type Test = (candidate: unknown) => boolean;

/**
 * `$gt` and friends, plus what mingo does not do: BinData order, and strings compared under the
 * query's collation (e.g. numericOrdering).
 */
function comparison(operator: QueryOperator, order: (value: number) => boolean): QueryOperator {
  return (selector, expected, options) => {
    if (expected instanceof Binary) {
      return ((candidate: unknown) =>
        valuesAtPath(candidate, selector).some(
          (value) => value instanceof Binary && order(compareBinary(value, expected)),
        )) as ReturnType<QueryOperator>;
    }
    const collator = typeof expected === 'string' ? collatorForSpec(options.collation) : undefined;
    if (collator) {
      return ((candidate: unknown) =>
        valuesAtPath(candidate, selector).some(
          (value) =>
            typeof value === 'string' && order(collator.compare(value, expected as string)),
        )) as ReturnType<QueryOperator>;
    }
    return operator(selector, expected, options);
  };
}

/** `$all` is an `$and` of equalities, so a non-array value equal to every element matches. */
const $all: QueryOperator = (selector, expected, options) => {
  const inner = queryOperators.$all(selector, expected, options) as Test;
  if (!Array.isArray(expected) || expected.length === 0) return inner;
  if (expected.some((item) => isPlainObject(item) && '$elemMatch' in item)) return inner;
  const equals = (value: unknown, item: unknown): boolean =>
    item instanceof RegExp
      ? typeof value === 'string' && item.test(value)
      : keyString(value) === keyString(item);
  return ((candidate: unknown) =>
    inner(candidate) ||
    expected.every((item) =>
      valuesAtPath(candidate, selector).some((value) => equals(value, item)),
    )) as ReturnType<QueryOperator>;
};

/** The bit positions a `$bits*` mask names: a number, an array of positions or BinData. */
function bitPositions(operator: string, mask: unknown): number[] {
  const positions: number[] = [];
  if (mask instanceof Binary) {
    for (let i = 0; i < mask.position * 8; i++)
      if ((((mask.buffer[i >> 3] as number) >> (i & 7)) & 1) === 1) positions.push(i);
    return positions;
  }
  if (Array.isArray(mask)) {
    for (const position of mask) {
      if (typeof position !== 'number' || !Number.isInteger(position) || position < 0)
        throw new MongoError(
          'BadValue',
          `${operator}: bit positions must be non-negative integers`,
        );
      positions.push(position);
    }
    return positions;
  }
  if (typeof mask === 'number' && Number.isInteger(mask) && mask >= 0) {
    const bits = BigInt(mask);
    for (let i = 0; i < 64; i++) if (((bits >> BigInt(i)) & 1n) === 1n) positions.push(i);
    return positions;
  }
  throw new MongoError(
    'BadValue',
    `${operator} takes an Array, a number, or a BinData but received: ${String(mask)}`,
  );
}

/** One bit of a number (two's complement, 64 bits) or of BinData (bit 0: low bit of byte 0). */
function bitAt(value: unknown, position: number): boolean | undefined {
  if (value instanceof Binary) {
    const byte = position >> 3 < value.position ? (value.buffer[position >> 3] as number) : 0;
    return ((byte >> (position & 7)) & 1) === 1;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) >= 2 ** 63)
    return undefined;
  if (position >= 64) return value < 0;
  return ((BigInt.asUintN(64, BigInt(value)) >> BigInt(position)) & 1n) === 1n;
}

function bitwise(
  operator: string,
  test: (positions: number[], bit: (position: number) => boolean) => boolean,
): QueryOperator {
  return (selector, mask) => {
    const positions = bitPositions(operator, mask);
    return ((candidate: unknown) =>
      valuesAtPath(candidate, selector).some(
        (value) =>
          bitAt(value, 0) !== undefined &&
          test(positions, (position) => bitAt(value, position) === true),
      )) as ReturnType<QueryOperator>;
  };
}

/**
 * Filters run with mingo's operators except `$type`, which knows BSON's numeric types (the query
 * view only has plain numbers), and the ones wrapped above. mingo keeps the first definition
 * when contexts merge, so the context is built whole here.
 */
const FILTER_CONTEXT = Context.init({
  expression: { ...expressionOperators, ...zoneAwareDateOperators },
  projection: projectionOperators,
  query: {
    ...queryOperators,
    $all,
    $gt: comparison(queryOperators.$gt, (order) => order > 0),
    $gte: comparison(queryOperators.$gte, (order) => order >= 0),
    $lt: comparison(queryOperators.$lt, (order) => order < 0),
    $lte: comparison(queryOperators.$lte, (order) => order <= 0),
    $bitsAllSet: bitwise('$bitsAllSet', (positions, bit) => positions.every(bit)),
    $bitsAnySet: bitwise('$bitsAnySet', (positions, bit) => positions.some(bit)),
    $bitsAllClear: bitwise('$bitsAllClear', (positions, bit) => !positions.some(bit)),
    $bitsAnyClear: bitwise('$bitsAnyClear', (positions, bit) => !positions.every(bit)),
    $type: (selector: string, expected: unknown, _options: unknown) => (candidate: unknown) => {
      const wanted = Array.isArray(expected) ? expected : [expected];
      return valuesAtPath(originalOf(candidate), selector, { keepLeafArrays: true }).some((value) =>
        [value, ...(Array.isArray(value) ? value : [])].some((item) =>
          wanted.some((type) => matchesBsonType(item, type)),
        ),
      );
    },
  },
});

/**
 * DBRef fields (`$ref`, `$id`, `$db`) are data, not operators: filters and views rename them.
 * Nearly no filter names one, and every query compiles its filter, so a filter without them is
 * used as it is rather than copied.
 */
function renameDbRefFields(value: unknown): unknown {
  return namesDbRefField(value) ? renamedDbRefFields(value) : value;
}

/** Whether a field name anywhere in `value` may hold a DBRef field (a cheap over-estimate). */
function namesDbRefField(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(namesDbRefField);
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    if (key.includes('$ref') || key.includes('$id') || key.includes('$db')) return true;
    if (namesDbRefField(value[key])) return true;
  }
  return false;
}

function renamedDbRefFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renamedDbRefFields);
  if (!isPlainObject(value)) return value;
  const renamed: Doc = {};
  for (const [key, item] of Object.entries(value))
    renamed[key.split('.').map(dbRefField).join('.')] = renamedDbRefFields(item);
  return renamed;
}

/**
 * mingo's `ComputeOptions.init`, which mingo does not export. Given plain options, mingo's `Query`
 * copies every operator table of the context (hundreds of entries) for each filter it compiles;
 * given options `init` already built, it shares them. Query operators receive such options, so
 * compiling one filter with a probe operator reveals the class.
 */
const initComputeOptions: (options: Partial<Options>) => Options = (() => {
  let seen: Options | undefined;
  const probe = Context.init({
    query: {
      $probe: (_selector: string, _value: unknown, options: Options) => {
        seen = options;
        return () => true;
      },
    },
  });
  new Query({ probe: { $probe: true } }, { context: probe });
  const init = (seen?.constructor as { init?: (options: Partial<Options>) => Options } | undefined)
    ?.init;
  if (typeof init !== 'function') throw new Error('mingo no longer passes ComputeOptions');
  return (options) => init(options);
})();

/** Every operator mingo has, as its own `Query` and `Aggregator` use them. */
const DEFAULT_CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: { ...expressionOperators, ...zoneAwareDateOperators },
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: queryOperators,
  window: windowOperators,
});

/**
 * Options for mingo built once per context and collation, so that no query copies operator tables.
 * Only for queries and projections: no query or projection operator changes its context (two
 * aggregation stages do, so aggregations keep their own copy).
 */
const builtOptions = new Map<Context, Map<string, Options>>();

function builtOptionsFor(context: Context, collation: Collation | undefined): Options {
  let byCollation = builtOptions.get(context);
  if (!byCollation) builtOptions.set(context, (byCollation = new Map()));
  const key = JSON.stringify(mingoCollation(collation) ?? null);
  let options = byCollation.get(key);
  if (!options) {
    options = initComputeOptions(mingoOptions(collation, { context }));
    byCollation.set(key, options);
  }
  return options;
}

/** mingo's options object with the per-call values (`locals`) some operators read. */
export interface LocalOptions extends Options {
  update(locals: Doc): LocalOptions;
}

/**
 * Options built once for `context` and `collation` (the operator tables shared, not copied),
 * with per-call `locals` of their own: what mingo's update operators read (the statement's
 * filter for `$`, the update configuration).
 */
export function optionsWithLocals(
  context: Context,
  collation: Collation | undefined,
  locals: Doc,
): LocalOptions {
  return (initComputeOptions(builtOptionsFor(context, collation)) as LocalOptions).update(locals);
}

/** A query with no filter, to apply a find-style projection with all of mingo's operators. */
export function projectionQuery(collation: Collation | undefined): Query {
  return new Query({}, builtOptionsFor(DEFAULT_CONTEXT, collation));
}

/** Compiles a filter against query views; mingo's complaints become BadValue. */
export function compileFilter(filter: Doc, collation?: Collation): Query {
  try {
    return new Query(
      queryView(renameDbRefFields(filter) as Doc, stringFold(collation)),
      builtOptionsFor(FILTER_CONTEXT, collation),
    );
  } catch (error) {
    if (error instanceof MongoError) throw error;
    throw new MongoError('BadValue', (error as Error).message);
  }
}

// ---- candidate selection -------------------------------------------------------------------

/** The documents behind a set of ids, plus the reader's own writes (the filter sorts them out). */
function* readAll(
  store: Store,
  collection: Collection,
  ids: ReadonlySet<string>,
  txn: Transaction | undefined,
): Generator<Doc> {
  for (const id of ids) {
    const doc = store.read(collection, id, txn);
    if (doc) yield doc;
  }
  for (const [id, doc] of txn?.ownWrites(collection) ?? []) {
    if (doc && !ids.has(id)) yield doc;
  }
}

// ---- text search ---------------------------------------------------------------------------

export interface TextFilter {
  $search: string;
  $language?: string;
}

/** Splits `$text` (top level or in a top-level `$and`) from the rest of the filter. */
export function extractText(filter: Doc): { text: TextFilter | undefined; rest: Doc } {
  if (isPlainObject(filter.$text)) {
    const { $text, ...rest } = filter;
    return { text: validateText($text), rest };
  }
  if (Array.isArray(filter.$and)) {
    const index = filter.$and.findIndex((part: unknown) => isPlainObject(part) && '$text' in part);
    if (index >= 0) {
      const part = filter.$and[index] as Doc;
      const { $text, ...partRest } = part;
      const and = [...filter.$and];
      and[index] = partRest;
      return { text: validateText($text), rest: { ...filter, $and: and } };
    }
  }
  return { text: undefined, rest: filter };
}

function validateText(value: unknown): TextFilter {
  if (!isPlainObject(value) || typeof value.$search !== 'string') {
    throw new MongoError('BadValue', '$search needs a String');
  }
  return value as unknown as TextFilter;
}

/** The documents matching a text search, in natural order, with their scores. */
export function textSearch(
  store: Store,
  collection: Collection | undefined,
  text: TextFilter,
  txn: Transaction | undefined,
): Map<Doc, number> {
  const index = collection?.indexes.find((candidate) => candidate.text);
  if (!collection || !index?.text) {
    throw new MongoError('IndexNotFound', 'text index required for $text query');
  }
  const search = parseSearch(text.$search, text.$language ?? index.text.language);
  const docs = store.indexesValidFor(collection, txn)
    ? readAll(store, collection, index.text.candidates(search), txn)
    : store.iterate(collection, txn);
  const scores = new Map<Doc, number>();
  for (const doc of docs) {
    const score = index.text.score(doc, search);
    if (score !== undefined) scores.set(doc, score);
  }
  return scores;
}

function isTextScoreMeta(value: unknown): boolean {
  return isPlainObject(value) && value.$meta === 'textScore';
}

/** Rewrites `{ $meta: 'textScore' }` in a projection or sort into the hidden score field. */
export function splitMetaProjection(projection: Doc | undefined): {
  projection: Doc | undefined;
  scoreFields: string[];
} {
  if (!projection) return { projection, scoreFields: [] };
  const scoreFields = Object.keys(projection).filter((key) => isTextScoreMeta(projection[key]));
  if (scoreFields.length === 0) return { projection, scoreFields };
  const rest: Doc = {};
  for (const [key, value] of Object.entries(projection))
    if (!scoreFields.includes(key)) rest[key] = value;
  return { projection: Object.keys(rest).length > 0 ? rest : undefined, scoreFields };
}

export function rewriteMetaSort(sort: Doc | undefined): Doc | undefined {
  if (!sort) return sort;
  const rewritten: Doc = {};
  for (const [key, value] of Object.entries(sort)) {
    if (isTextScoreMeta(value)) rewritten[TEXT_SCORE_FIELD] = -1;
    else if (key !== '$natural') rewritten[key] = value;
  }
  return Object.keys(rewritten).length > 0 ? rewritten : undefined;
}

/** Replaces `{ $meta: 'textScore' }` expressions anywhere in a pipeline stage. */
export function rewriteMetaExpressions(value: unknown): unknown {
  if (isTextScoreMeta(value)) return `$${TEXT_SCORE_FIELD}`;
  if (Array.isArray(value)) return value.map(rewriteMetaExpressions);
  if (isPlainObject(value)) {
    const rewritten: Doc = {};
    for (const [key, item] of Object.entries(value)) rewritten[key] = rewriteMetaExpressions(item);
    return rewritten;
  }
  return value;
}
