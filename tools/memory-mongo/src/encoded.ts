import { BSON, type Long } from 'bson';
import type { CursorReply } from './cursors.js';
import type { Doc } from './values.js';

const SERIALIZE_OPTIONS = { checkKeys: false, ignoreUndefined: true } as const;

/**
 * The BSON of stored documents, encoded once. A stored document is never changed (a write
 * stores a new object), so its bytes stay valid for as long as it lives; the entry goes with it.
 */
const encodings = new WeakMap<Doc, Uint8Array>();

export function encodeDocument(doc: Doc): Uint8Array {
  return BSON.serialize(doc, SERIALIZE_OPTIONS);
}

/** The bytes of a document that is stored (or about to be), encoded on first use. */
export function storedEncoding(doc: Doc): Uint8Array {
  let bytes = encodings.get(doc);
  if (!bytes) encodings.set(doc, (bytes = encodeDocument(doc)));
  return bytes;
}

/** A document's bytes: the stored encoding when it has one. */
function encodingOf(doc: Doc): Uint8Array {
  return encodings.get(doc) ?? encodeDocument(doc);
}

/** The encoded size of a document, from its stored encoding when it has one. */
export function encodedSize(doc: Doc): number {
  return encodings.get(doc)?.length ?? BSON.calculateObjectSize(doc, SERIALIZE_OPTIONS);
}

/**
 * The reply of a command that returns a cursor (`find`, `getMore`, `aggregate`, ...):
 * `{ cursor: { id, ns, firstBatch | nextBatch }, ok: 1 }`. The wire layer writes it around the
 * documents' stored bytes instead of encoding them again; as a plain object it reads (and
 * encodes through BSON) like the literal it stands for.
 */
export class CursorCommandReply {
  [field: string]: unknown;
  cursor: CursorReply;
  readonly ok: 1;
  constructor(cursor: CursorReply) {
    this.cursor = cursor;
    this.ok = 1;
  }
}

const BSON_STRING = 0x02;
const BSON_DOCUMENT = 0x03;
const BSON_ARRAY = 0x04;
const BSON_INT32 = 0x10;
const BSON_INT64 = 0x12;

/** An element's type byte and name (a C string), written as one piece. */
const elementHeads = new Map<string, Buffer>();
function elementHead(type: number, name: string): Buffer {
  const key = `${type}:${name}`;
  let head = elementHeads.get(key);
  if (!head) {
    head = Buffer.alloc(name.length + 2);
    head[0] = type;
    head.write(name, 1, 'latin1');
    elementHeads.set(key, head);
  }
  return head;
}

const CURSOR_HEAD = elementHead(BSON_DOCUMENT, 'cursor');
const ID_HEAD = elementHead(BSON_INT64, 'id');
const NS_HEAD = elementHead(BSON_STRING, 'ns');
const FIRST_BATCH_HEAD = elementHead(BSON_ARRAY, 'firstBatch');
const NEXT_BATCH_HEAD = elementHead(BSON_ARRAY, 'nextBatch');
const OK_HEAD = elementHead(BSON_INT32, 'ok');
/** The heads of array elements "0", "1", ... (documents), made as batches grow. */
const itemHeads: Buffer[] = [];
const itemHead = (i: number): Buffer => (itemHeads[i] ??= elementHead(BSON_DOCUMENT, String(i)));

/**
 * Writes `reply` as BSON at `offset` of a buffer made by `allocate(size)`, with the same bytes
 * `BSON.serialize` gives; the documents of the batch are copied from their encodings.
 */
export function encodeCursorReply(
  reply: CursorCommandReply,
  allocate: (bodySize: number) => { buffer: Buffer; offset: number },
): Buffer {
  const { cursor } = reply;
  const batchHead = cursor.firstBatch ? FIRST_BATCH_HEAD : NEXT_BATCH_HEAD;
  const batch = (cursor.firstBatch ?? cursor.nextBatch ?? []) as Doc[];
  const docs: Uint8Array[] = [];
  let arraySize = 4 + 1;
  for (let i = 0; i < batch.length; i++) {
    const bytes = encodingOf(batch[i] as Doc);
    docs.push(bytes);
    arraySize += itemHead(i).length + bytes.length;
  }
  const nsLength = Buffer.byteLength(cursor.ns, 'utf8');
  // { id: int64, ns: string, <batch>: array } in CursorReply's order.
  const cursorSize =
    4 + ID_HEAD.length + 8 + NS_HEAD.length + 4 + nsLength + 1 + batchHead.length + arraySize + 1;
  // `ok: 1` encodes as an int32, as BSON.serialize writes a whole number.
  const bodySize = 4 + CURSOR_HEAD.length + cursorSize + OK_HEAD.length + 4 + 1;
  const { buffer, offset: start } = allocate(bodySize);
  let at = start;
  const head = (bytes: Buffer): void => {
    buffer.set(bytes, at);
    at += bytes.length;
  };
  at = buffer.writeInt32LE(bodySize, at);
  head(CURSOR_HEAD);
  at = buffer.writeInt32LE(cursorSize, at);
  head(ID_HEAD);
  const id = cursor.id as Long;
  at = buffer.writeInt32LE(id.low, at);
  at = buffer.writeInt32LE(id.high, at);
  head(NS_HEAD);
  at = buffer.writeInt32LE(nsLength + 1, at);
  at += buffer.write(cursor.ns, at, 'utf8');
  buffer[at++] = 0;
  head(batchHead);
  at = buffer.writeInt32LE(arraySize, at);
  for (let i = 0; i < docs.length; i++) {
    const bytes = docs[i] as Uint8Array;
    head(itemHead(i));
    buffer.set(bytes, at);
    at += bytes.length;
  }
  buffer[at++] = 0;
  buffer[at++] = 0;
  head(OK_HEAD);
  at = buffer.writeInt32LE(1, at);
  buffer[at++] = 0;
  return buffer;
}
