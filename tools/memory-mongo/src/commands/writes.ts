import { ObjectId } from 'bson';
import { storedEncoding } from '../encoded.js';
import { MongoError } from '../errors.js';
import { TEXT_SCORE_FIELD } from '../query.js';
import type { Collection } from '../storage/collection.js';
import { type Change, duplicateKey } from '../storage/store.js';
import {
  applyUpdate,
  buildUpsertDocument,
  changed,
  isReplacement,
  type UpdateSpec,
  validateUpdate,
} from '../update.js';
import { type Doc, keyString, withIdFirst } from '../values.js';
import { bsonSize, MAX_BSON_OBJECT_SIZE } from '../wire.js';
import {
  type CommandContext,
  type CommandHandler,
  type CommandTable,
  collationOf,
  documentArray,
  optionalDocument,
  targetName,
  withLockWait,
} from './context.js';
import { project, selectDocuments } from './reads.js';

interface WriteOutcome {
  n: number;
  writeErrors: Doc[];
}

/**
 * Runs each statement of a write command; per-statement errors become `writeErrors`, and an
 * ordered batch stops at the first. Inside a transaction a write conflict fails the command.
 */
async function runStatements<T>(
  context: CommandContext,
  statements: T[],
  run: (statement: T, index: number) => Promise<number>,
): Promise<WriteOutcome> {
  const ordered = context.body.ordered !== false;
  const outcome: WriteOutcome = { n: 0, writeErrors: [] };
  for (const [index, statement] of statements.entries()) {
    try {
      outcome.n += await run(statement, index);
    } catch (error) {
      if (!(error instanceof MongoError) || (context.txn && error.codeName === 'WriteConflict'))
        throw error;
      outcome.writeErrors.push(error.toWriteError(index));
      if (ordered) break;
    }
  }
  return outcome;
}

function reply(outcome: WriteOutcome, extra: Doc = {}): Doc {
  return {
    n: outcome.n,
    ...extra,
    ...(outcome.writeErrors.length ? { writeErrors: outcome.writeErrors } : {}),
    ok: 1,
  };
}

/**
 * Since MongoDB 5.0 inserts (and upserts) may store `$`-prefixed field names, top level and
 * nested; only `_id` is checked.
 */
function assertStorable(doc: Doc): void {
  if (Array.isArray(doc._id) || doc._id instanceof RegExp) {
    throw new MongoError('BadValue', `can't use an array or a regular expression for _id`);
  }
}

/**
 * An insert over 16 MB fails with BadValue, as in MongoDB (the size before `_id` is added). The
 * document to store is encoded here once, for every reply that returns it.
 */
function assertInsertSize(raw: Doc, doc: Doc): void {
  let size: number;
  try {
    // An ObjectId `_id` the engine added is 17 bytes: type, "_id\0" and 12 bytes.
    size = storedEncoding(doc).length - ('_id' in raw ? 0 : 17);
  } catch {
    // Beyond what the serializer's buffer holds: measure instead, to report it.
    size = bsonSize(raw);
  }
  if (size > MAX_BSON_OBJECT_SIZE) {
    throw new MongoError(
      'BadValue',
      `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_OBJECT_SIZE}`,
    );
  }
}

/** A document an update (or upsert) produces over 16 MB fails with BSONObjectTooLarge. */
function assertUpdatedSize(doc: Doc): Doc {
  if (bsonSize(doc) > MAX_BSON_OBJECT_SIZE) {
    throw new MongoError(
      'BSONObjectTooLarge',
      `Resulting document after update is larger than ${MAX_BSON_OBJECT_SIZE}`,
    );
  }
  return doc;
}

/** Inserts one new document; an existing `_id` is a duplicate key. */
function insertOne(context: CommandContext, collection: Collection, doc: Doc): void {
  assertStorable(doc);
  const change: Change = { id: keyString(doc._id), after: doc };
  context.store.checkWritable(collection, [change], context.txn);
  if (context.store.read(collection, change.id, context.txn)) {
    throw duplicateKey(collection, undefined, { _id: doc._id });
  }
  context.store.write(collection, change, context.txn);
}

const insert: CommandHandler = async (context) => {
  const name = targetName(context);
  const documents = documentArray(context.body, 'documents');
  const collection = context.store.ensureCollection(context.db, name);
  const outcome = await runStatements(context, documents, async (raw) => {
    const doc = withIdFirst('_id' in raw ? raw : { _id: new ObjectId(), ...raw });
    assertInsertSize(raw, doc);
    await withLockWait(() => insertOne(context, collection, doc));
    return 1;
  });
  return reply(outcome);
};

interface UpdateStatement {
  q: Doc;
  u: UpdateSpec;
  multi: boolean;
  upsert: boolean;
  arrayFilters: Doc[] | undefined;
  collation: Doc | undefined;
}

function parseUpdateStatement(raw: Doc): UpdateStatement {
  const q = optionalDocument(raw, 'q') ?? {};
  const u = validateUpdate(raw.u);
  const multi = raw.multi === true;
  if (multi && isReplacement(u)) {
    throw new MongoError(
      'FailedToParse',
      'multi update is not supported for replacement-style update',
    );
  }
  const arrayFilters = Array.isArray(raw.arrayFilters) ? (raw.arrayFilters as Doc[]) : undefined;
  return {
    q,
    u,
    multi,
    upsert: raw.upsert === true,
    arrayFilters,
    collation: optionalDocument(raw, 'collation'),
  };
}

const update: CommandHandler = async (context) => {
  const name = targetName(context);
  const upserted: Doc[] = [];
  let nModified = 0;
  const outcome = await runStatements(
    context,
    documentArray(context.body, 'updates'),
    async (raw, index) => {
      const statement = parseUpdateStatement(raw);
      return withLockWait(() => {
        const result = updateStatement(context, name, statement);
        nModified += result.modified;
        if (result.upsertedId !== undefined) upserted.push({ index, _id: result.upsertedId });
        return result.matched;
      });
    },
  );
  return reply(outcome, { nModified, ...(upserted.length ? { upserted } : {}) });
};

interface StatementResult {
  matched: number;
  modified: number;
  upsertedId?: unknown;
}

/** Plans every change first (so a lock wait leaves nothing half done), then writes. */
function updateStatement(
  context: CommandContext,
  name: string,
  statement: UpdateStatement,
): StatementResult {
  const { store, txn, db } = context;
  const collection = store.collection(db, name);
  const options = {
    arrayFilters: statement.arrayFilters,
    filter: statement.q,
    collation: statement.collation,
  };
  const matched = selectDocuments(context, collection, statement.q, {
    limit: statement.multi ? undefined : 1,
    collation: statement.collation,
  }).map(stripTextScore);
  if (matched.length === 0) {
    if (!statement.upsert) return { matched: 0, modified: 0 };
    const doc = assertUpdatedSize(buildUpsertDocument(statement.q, statement.u, options));
    insertOne(context, store.ensureCollection(db, name), doc);
    return { matched: 1, modified: 0, upsertedId: doc._id };
  }
  const target = collection as Collection;
  const changes = matched
    .map((before) => ({
      before,
      change: {
        id: keyString(before._id),
        after: assertUpdatedSize(applyUpdate(before, statement.u, options)),
      },
    }))
    .filter(({ before, change }) => changed(before, change.after));
  store.checkWritable(
    target,
    changes.map(({ change }) => change),
    txn,
  );
  for (const { change } of changes) store.write(target, change, txn);
  return { matched: matched.length, modified: changes.length };
}

function stripTextScore(doc: Doc): Doc {
  if (!(TEXT_SCORE_FIELD in doc)) return doc;
  const { [TEXT_SCORE_FIELD]: _hidden, ...stored } = doc;
  return stored;
}

const deleteCommand: CommandHandler = async (context) => {
  const name = targetName(context);
  const outcome = await runStatements(
    context,
    documentArray(context.body, 'deletes'),
    async (raw) => {
      const filter = optionalDocument(raw, 'q') ?? {};
      const limit = raw.limit === 1 ? 1 : undefined;
      return withLockWait(() => {
        const collection = context.store.collection(context.db, name);
        if (!collection) return 0;
        const docs = selectDocuments(context, collection, filter, {
          limit,
          collation: optionalDocument(raw, 'collation'),
        });
        const changes: Change[] = docs.map((doc) => ({ id: keyString(doc._id), after: null }));
        context.store.checkWritable(collection, changes, context.txn);
        for (const change of changes) context.store.write(collection, change, context.txn);
        return changes.length;
      });
    },
  );
  return reply(outcome);
};

const findAndModify: CommandHandler = async (context) => {
  const name = targetName(context);
  const { body } = context;
  const filter = optionalDocument(body, 'query') ?? {};
  const remove = body.remove === true;
  const spec = remove ? undefined : validateUpdate(body.update);
  if (!remove && spec === undefined)
    throw new MongoError('FailedToParse', 'Either an update or remove=true must be specified');
  const collation = collationOf(body);
  const fields = optionalDocument(body, 'fields');
  const returnNew = body.new === true;
  const options = {
    arrayFilters: Array.isArray(body.arrayFilters) ? (body.arrayFilters as Doc[]) : undefined,
    filter,
    collation,
  };
  const shown = (doc: Doc | undefined): Doc | null =>
    doc ? (project([doc], fields, collation, filter)[0] ?? null) : null;

  return withLockWait(() => {
    const { store, txn, db } = context;
    const collection = store.collection(db, name);
    const [found] = selectDocuments(context, collection, filter, {
      sort: optionalDocument(body, 'sort'),
      limit: 1,
      collation,
    }).map(stripTextScore);
    if (remove) {
      if (!found || !collection) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
      const change = { id: keyString(found._id), after: null };
      store.checkWritable(collection, [change], txn);
      store.write(collection, change, txn);
      return { lastErrorObject: { n: 1 }, value: shown(found), ok: 1 };
    }
    const updateSpec = spec as UpdateSpec;
    if (!found) {
      if (body.upsert !== true)
        return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
      const doc = assertUpdatedSize(buildUpsertDocument(filter, updateSpec, options));
      insertOne(context, store.ensureCollection(db, name), doc);
      return {
        lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
        value: returnNew ? shown(doc) : null,
        ok: 1,
      };
    }
    const after = assertUpdatedSize(applyUpdate(found, updateSpec, options));
    if (changed(found, after) && collection) {
      const change = { id: keyString(found._id), after };
      store.checkWritable(collection, [change], txn);
      store.write(collection, change, txn);
    }
    return {
      lastErrorObject: { n: 1, updatedExisting: true },
      value: shown(returnNew ? after : found),
      ok: 1,
    };
  });
};

export const writeCommands: CommandTable = {
  insert,
  update,
  delete: deleteCommand,
  findAndModify,
  findandmodify: findAndModify,
};
