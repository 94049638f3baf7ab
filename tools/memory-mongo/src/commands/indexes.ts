import { EJSON } from 'bson';
import { MongoError } from '../errors.js';
import type { Collection } from '../storage/collection.js';
import { Index, type IndexSpec } from '../storage/index.js';
import { type Collation, checkCollation, expandCollation } from '../query.js';
import { duplicateKey } from '../storage/store.js';
import { type Doc, isPlainObject, toNumber } from '../values.js';
import { type CommandHandler, type CommandTable, documentArray, targetName } from './context.js';

const INDEX_OPTIONS = [
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
  'weights',
  'default_language',
  'language_override',
  'collation',
  'hidden',
  '2dsphereIndexVersion',
];

const sameJson = (a: unknown, b: unknown): boolean =>
  EJSON.stringify(a as Doc, { relaxed: false }) === EJSON.stringify(b as Doc, { relaxed: false });

interface IndexRequest {
  spec: IndexSpec;
  requestedKey: Doc;
  textWeights: Record<string, number> | undefined;
}

function parseIndexRequest(raw: Doc): IndexRequest {
  const key = raw.key;
  const name = raw.name;
  if (!isPlainObject(key) || Object.keys(key).length === 0) {
    throw new MongoError('BadValue', 'Index key pattern must be a non-empty object');
  }
  if (typeof name !== 'string' || name.length === 0) {
    throw new MongoError(
      'BadValue',
      "The 'name' field is a required property of an index specification",
    );
  }
  for (const [field, direction] of Object.entries(key)) {
    const order = toNumber(direction);
    const valid =
      order === 1 ||
      order === -1 ||
      ['text', '2dsphere', 'hashed', '2d'].includes(String(direction));
    if (!valid)
      throw new MongoError(
        'BadValue',
        `Values in the index key pattern must be 1, -1 or a known index type; ${field}: ${String(direction)}`,
      );
  }
  const spec: IndexSpec = { v: 2, key, name };
  for (const option of INDEX_OPTIONS) if (raw[option] !== undefined) spec[option] = raw[option];
  if (spec.collation !== undefined) {
    if (!isPlainObject(spec.collation))
      throw new MongoError('TypeMismatch', 'collation must be an object');
    checkCollation(spec.collation as Collation);
  }
  const textFields = Object.keys(key).filter((field) => key[field] === 'text');
  if (textFields.length === 0) return { spec, requestedKey: key, textWeights: undefined };
  // A text index is listed as MongoDB lists it: the fields move into `weights`.
  const weights: Record<string, number> = {};
  for (const field of textFields) weights[field] = 1;
  if (isPlainObject(raw.weights)) {
    for (const [field, weight] of Object.entries(raw.weights)) weights[field] = Number(weight);
  }
  // The text fields become `_fts`/`_ftsx` where the first one stood; other fields keep their place.
  const listedKey: Doc = {};
  for (const [field, direction] of Object.entries(key)) {
    if (direction !== 'text') listedKey[field] = direction;
    else if (!('_fts' in listedKey)) Object.assign(listedKey, { _fts: 'text', _ftsx: 1 });
  }
  return {
    spec: {
      ...spec,
      key: listedKey,
      weights,
      default_language: spec.default_language ?? 'english',
      language_override: spec.language_override ?? 'language',
      textIndexVersion: 3,
    },
    requestedKey: key,
    textWeights: weights,
  };
}

/**
 * An index takes the collection's default collation unless it names its own; it lists the
 * collation in full, and none for `simple`.
 */
function indexCollation(spec: IndexSpec, collectionDefault: unknown): void {
  const collation = (spec.collation ?? collectionDefault) as Collation | undefined;
  if (!isPlainObject(collation) || collation.locale === 'simple') delete spec.collation;
  else spec.collation = expandCollation(collation);
}

function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return INDEX_OPTIONS.every((option) => sameJson(a[option] ?? null, b[option] ?? null));
}

/** Fails with 11000 when existing documents already break a new unique index. */
function assertNoExistingDuplicates(collection: Collection, index: Index, docs: Doc[]): void {
  const seen = new Set<string>();
  for (const doc of docs) {
    for (const { key, keyValue } of index.keysFor(doc)) {
      if (seen.has(key)) throw duplicateKey(collection, index, keyValue);
      seen.add(key);
    }
    // Keys repeated inside one document (multikey) are not duplicates of each other.
  }
}

const createIndexes: CommandHandler = (context) => {
  const name = targetName(context);
  const requests = documentArray(context.body, 'indexes').map(parseIndexRequest);
  const created = !context.store.collection(context.db, name);
  const collection = context.store.ensureCollection(context.db, name);
  const before = collection.indexSpecs().length;
  for (const request of requests) indexCollation(request.spec, collection.options.collation);
  for (const request of requests) {
    if (request.spec.name === '_id_' || sameJson(request.requestedKey, { _id: 1 })) continue;
    const existing = collection.findIndex(request.spec.name);
    if (existing) {
      if (
        sameJson(existing.requestedKey, request.requestedKey) &&
        sameOptions(existing.spec, request.spec)
      )
        continue;
      throw new MongoError(
        'IndexKeySpecsConflict',
        `An existing index has the same name as the requested index. Requested index: ${EJSON.stringify(request.spec)}, existing index: ${EJSON.stringify(existing.spec)}`,
      );
    }
    const sameKey = collection.indexes.find((index) =>
      sameJson(index.requestedKey, request.requestedKey),
    );
    if (sameKey) {
      throw new MongoError(
        'IndexOptionsConflict',
        `Index already exists with a different name: ${sameKey.name}`,
      );
    }
    if (request.textWeights && collection.indexes.some((index) => index.text)) {
      throw new MongoError('IndexOptionsConflict', 'only one text index per collection allowed');
    }
    const index = new Index(request.spec, {
      requestedKey: request.requestedKey,
      textWeights: request.textWeights,
    });
    if (index.unique)
      assertNoExistingDuplicates(collection, index, context.store.scan(collection, undefined));
    collection.addIndex(index);
  }
  const after = collection.indexSpecs().length;
  return {
    numIndexesBefore: before,
    numIndexesAfter: after,
    createdCollectionAutomatically: created,
    ...(before === after ? { note: 'all indexes already exist' } : {}),
    ok: 1,
  };
};

const listIndexes: CommandHandler = (context) => {
  const name = targetName(context);
  const collection = context.store.collection(context.db, name);
  if (!collection) {
    throw new MongoError('NamespaceNotFound', `ns does not exist: ${context.db}.${name}`);
  }
  const cursor = isPlainObject(context.body.cursor) ? context.body.cursor : {};
  const batchSize = typeof cursor.batchSize === 'number' ? cursor.batchSize : undefined;
  return {
    cursor: context.engine.cursors.open(collection.namespace, collection.indexSpecs(), batchSize),
    ok: 1,
  };
};

const dropIndexes: CommandHandler = (context) => {
  const name = targetName(context);
  const collection = context.store.collection(context.db, name);
  if (!collection) throw new MongoError('NamespaceNotFound', `ns not found ${context.db}.${name}`);
  const nIndexesWas = collection.indexSpecs().length;
  for (const index of indexesToDrop(collection, context.body.index)) collection.removeIndex(index);
  return { nIndexesWas, ok: 1 };
};

function indexesToDrop(collection: Collection, target: unknown): Index[] {
  if (target === '*') return [...collection.indexes];
  const targets = Array.isArray(target) ? target : [target];
  return targets.map((one) => {
    if (one === '_id_' || (isPlainObject(one) && sameJson(one, { _id: 1 }))) {
      throw new MongoError('InvalidOptions', 'cannot drop _id index');
    }
    const index =
      typeof one === 'string'
        ? collection.findIndex(one)
        : collection.indexes.find((candidate) => sameJson(candidate.requestedKey, one));
    if (!index) {
      throw new MongoError(
        'IndexNotFound',
        `index not found with name [${typeof one === 'string' ? one : EJSON.stringify(one as Doc)}]`,
      );
    }
    return index;
  });
}

export const indexCommands: CommandTable = { createIndexes, listIndexes, dropIndexes };
