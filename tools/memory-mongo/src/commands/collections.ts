import { MongoError } from '../errors.js';
import { type Collation, checkCollation, compileFilter, expandCollation } from '../query.js';
import type { Doc } from '../values.js';
import { type CommandHandler, type CommandTable, optionalDocument, targetName } from './context.js';

const SESSION_FIELDS = new Set(['lsid', 'txnNumber', 'autocommit', 'startTransaction']);
const UNSUPPORTED_CREATE_OPTIONS = ['viewOn', 'timeseries', 'clusteredIndex', 'encryptedFields'];

const create: CommandHandler = (context) => {
  const name = targetName(context);
  const options: Doc = {};
  for (const [key, value] of Object.entries(context.body)) {
    if (!SESSION_FIELDS.has(key) && key !== 'create') options[key] = value;
  }
  const unsupported = UNSUPPORTED_CREATE_OPTIONS.find((option) => option in options);
  if (unsupported) {
    throw new MongoError(
      'InvalidOptions',
      `the create option '${unsupported}' is not supported by memory-mongo`,
    );
  }
  if (options.capped === true && options.size === undefined) {
    throw new MongoError('InvalidOptions', "the 'size' field is required when 'capped' is true");
  }
  const collation = checkCollation(optionalDocument(context.body, 'collation') as Collation);
  // A default collation is listed in full; `simple` is the same as none.
  if (collation?.locale === 'simple') delete options.collation;
  else if (collation) options.collation = expandCollation(collation);
  context.store.createCollection(context.db, name, options);
  return { ok: 1 };
};

const drop: CommandHandler = (context) => {
  const name = targetName(context);
  const dropped = context.store.dropCollection(context.db, name);
  // Since MongoDB 7.0 dropping a missing collection succeeds.
  return { ns: `${context.db}.${name}`, nIndexesWas: dropped?.indexSpecs().length ?? 0, ok: 1 };
};

const listCollections: CommandHandler = ({ store, engine, db, body }) => {
  const entries: Doc[] = store.collections(db).map((collection) => ({
    name: collection.name,
    type: 'collection',
    options: collection.options,
    info: { readOnly: false, uuid: collection.uuid },
    idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
  }));
  const filter = optionalDocument(body, 'filter');
  const query = filter ? compileFilter(filter) : undefined;
  const matching = query ? entries.filter((entry) => query.test(entry)) : entries;
  const docs =
    body.nameOnly === true ? matching.map(({ name, type }) => ({ name, type })) : matching;
  const cursor = optionalDocument(body, 'cursor');
  const batchSize = typeof cursor?.batchSize === 'number' ? cursor.batchSize : undefined;
  return { cursor: engine.cursors.open(`${db}.$cmd.listCollections`, docs, batchSize), ok: 1 };
};

const renameCollection: CommandHandler = ({ store, body }) => {
  const from = body.renameCollection;
  const to = body.to;
  if (typeof from !== 'string' || typeof to !== 'string') {
    throw new MongoError('BadValue', 'renameCollection and to must be namespaces');
  }
  const [fromDb, fromName] = splitNamespace(from);
  const [toDb, toName] = splitNamespace(to);
  store.renameCollection(fromDb, fromName, toDb, toName, body.dropTarget === true);
  return { ok: 1 };
};

function splitNamespace(namespace: string): [string, string] {
  const dot = namespace.indexOf('.');
  if (dot <= 0 || dot === namespace.length - 1) {
    throw new MongoError('InvalidNamespace', `Invalid namespace specified '${namespace}'`);
  }
  return [namespace.slice(0, dot), namespace.slice(dot + 1)];
}

export const collectionCommands: CommandTable = { create, drop, listCollections, renameCollection };
