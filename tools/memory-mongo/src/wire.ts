import { BSON, type Document } from 'bson';
import { CursorCommandReply, encodeCursorReply } from './encoded.js';
import { normalizeDecoded } from './numbers.js';

/** MongoDB wire protocol framing: OP_MSG, the legacy OP_QUERY handshake and its OP_REPLY. */
export const OpCode = { REPLY: 1, QUERY: 2004, COMPRESSED: 2012, MSG: 2013 } as const;

export const HEADER_SIZE = 16;
/** The largest message a real server accepts (maxMessageSizeBytes). */
export const MAX_MESSAGE_SIZE = 48_000_000;
export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;

const MSG_CHECKSUM_PRESENT = 1 << 0;
export const MSG_MORE_TO_COME = 1 << 1;

const DESERIALIZE_OPTIONS = {
  promoteLongs: false,
  promoteValues: false,
  promoteBuffers: false,
  bsonRegExp: false,
} as const;

const SERIALIZE_OPTIONS = { checkKeys: false, ignoreUndefined: true } as const;

export class ProtocolError extends Error {}

export interface MessageHeader {
  messageLength: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export interface CommandRequest {
  kind: 'msg' | 'query';
  requestId: number;
  /** The client does not want a reply (OP_MSG moreToCome, e.g. an unacknowledged write). */
  moreToCome: boolean;
  db: string;
  body: Document;
}

export function readHeader(buffer: Buffer): MessageHeader {
  return {
    messageLength: buffer.readInt32LE(0),
    requestId: buffer.readInt32LE(4),
    responseTo: buffer.readInt32LE(8),
    opCode: buffer.readInt32LE(12),
  };
}

/** True when the length prefix cannot belong to a well-formed message; the connection is dropped. */
export function isImpossibleLength(length: number): boolean {
  return length < HEADER_SIZE + 5 || length > MAX_MESSAGE_SIZE;
}

function readBsonDocument(buffer: Buffer, offset: number, end: number): [Document, number] {
  if (offset + 5 > end) throw new ProtocolError('truncated BSON document');
  const size = buffer.readInt32LE(offset);
  if (size < 5 || offset + size > end)
    throw new ProtocolError('BSON document overruns the message');
  try {
    const document = BSON.deserialize(buffer.subarray(offset, offset + size), DESERIALIZE_OPTIONS);
    return [normalizeDecoded(document), offset + size];
  } catch (error) {
    throw new ProtocolError(`invalid BSON: ${(error as Error).message}`);
  }
}

function readCString(buffer: Buffer, offset: number, end: number): [string, number] {
  const zero = buffer.indexOf(0, offset);
  if (zero < 0 || zero >= end) throw new ProtocolError('unterminated string');
  return [buffer.toString('utf8', offset, zero), zero + 1];
}

/** Parses one complete message; throws ProtocolError for anything malformed or unknown. */
export function parseMessage(message: Buffer): CommandRequest {
  const header = readHeader(message);
  if (header.messageLength !== message.length) throw new ProtocolError('length mismatch');
  switch (header.opCode) {
    case OpCode.MSG:
      return parseOpMsg(message, header);
    case OpCode.QUERY:
      return parseOpQuery(message, header);
    default:
      throw new ProtocolError(`unsupported opcode ${header.opCode}`);
  }
}

function parseOpMsg(message: Buffer, header: MessageHeader): CommandRequest {
  const flags = message.readUInt32LE(HEADER_SIZE);
  const end = flags & MSG_CHECKSUM_PRESENT ? message.length - 4 : message.length;
  let offset = HEADER_SIZE + 4;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = message.readUInt8(offset);
    offset += 1;
    if (kind === 0) {
      if (body) throw new ProtocolError('more than one body section');
      [body, offset] = readBsonDocument(message, offset, end);
    } else if (kind === 1) {
      if (offset + 4 > end) throw new ProtocolError('truncated document sequence');
      const sectionEnd = offset + message.readInt32LE(offset);
      if (sectionEnd > end || sectionEnd <= offset + 4)
        throw new ProtocolError('bad sequence size');
      let identifier: string;
      [identifier, offset] = readCString(message, offset + 4, sectionEnd);
      const documents: Document[] = [];
      while (offset < sectionEnd) {
        let document: Document;
        [document, offset] = readBsonDocument(message, offset, sectionEnd);
        documents.push(document);
      }
      sequences.push([identifier, documents]);
    } else {
      throw new ProtocolError(`unknown section kind ${kind}`);
    }
  }
  if (!body) throw new ProtocolError('OP_MSG without a body');
  for (const [identifier, documents] of sequences) body[identifier] = documents;
  const db = body.$db;
  if (typeof db !== 'string' || db.length === 0) throw new ProtocolError('OP_MSG without $db');
  return {
    kind: 'msg',
    requestId: header.requestId,
    moreToCome: (flags & MSG_MORE_TO_COME) !== 0,
    db,
    body,
  };
}

function parseOpQuery(message: Buffer, header: MessageHeader): CommandRequest {
  const end = message.length;
  const [fullCollectionName, afterName] = readCString(message, HEADER_SIZE + 4, end); // after flags
  // numberToSkip and numberToReturn do not matter for a command.
  const [query] = readBsonDocument(message, afterName + 8, end);
  const dot = fullCollectionName.indexOf('.');
  const db = dot > 0 ? fullCollectionName.slice(0, dot) : fullCollectionName;
  if (!fullCollectionName.endsWith('.$cmd')) {
    throw new ProtocolError('legacy OP_QUERY is only supported for commands');
  }
  // Old drivers wrap the command: { $query: {...}, $readPreference: ... }.
  const body = (query.$query as Document | undefined) ?? query;
  return { kind: 'query', requestId: header.requestId, moreToCome: false, db, body };
}

/** The header and the fixed fields before the body in one buffer, the body copied in once. */
function frame(
  body: Uint8Array,
  fieldsSize: number,
  requestId: number,
  responseTo: number,
  opCode: number,
): Buffer {
  const length = HEADER_SIZE + fieldsSize + body.length;
  const message = Buffer.allocUnsafe(length);
  message.writeInt32LE(length, 0);
  message.writeInt32LE(requestId, 4);
  message.writeInt32LE(responseTo, 8);
  message.writeInt32LE(opCode, 12);
  message.fill(0, HEADER_SIZE, HEADER_SIZE + fieldsSize);
  message.set(body, HEADER_SIZE + fieldsSize);
  return message;
}

/** The header (flagBits 0, then section kind 0) with room for a body of `bodySize` after it. */
function opMsgFrame(bodySize: number, requestId: number, responseTo: number) {
  const length = HEADER_SIZE + 5 + bodySize;
  const buffer = Buffer.allocUnsafe(length);
  buffer.writeInt32LE(length, 0);
  buffer.writeInt32LE(requestId, 4);
  buffer.writeInt32LE(responseTo, 8);
  buffer.writeInt32LE(OpCode.MSG, 12);
  buffer.fill(0, HEADER_SIZE, HEADER_SIZE + 5);
  return { buffer, offset: HEADER_SIZE + 5 };
}

export function encodeOpMsg(reply: Document, requestId: number, responseTo: number): Buffer {
  // A cursor's documents are copied from their stored bytes into the one reply buffer.
  if (reply instanceof CursorCommandReply)
    return encodeCursorReply(reply, (bodySize) => opMsgFrame(bodySize, requestId, responseTo));
  // flagBits 0, then section kind 0 and the body.
  return frame(BSON.serialize(reply, SERIALIZE_OPTIONS), 5, requestId, responseTo, OpCode.MSG);
}

export function encodeOpReply(reply: Document, requestId: number, responseTo: number): Buffer {
  // responseFlags 0, cursorID 0 (int64), startingFrom 0, numberReturned 1.
  const message = frame(
    BSON.serialize(reply, SERIALIZE_OPTIONS),
    20,
    requestId,
    responseTo,
    OpCode.REPLY,
  );
  message.writeInt32LE(1, HEADER_SIZE + 16);
  return message;
}

export function bsonSize(document: Document): number {
  return BSON.calculateObjectSize(document, SERIALIZE_OPTIONS);
}
