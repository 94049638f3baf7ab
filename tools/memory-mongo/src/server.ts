import net from 'node:net';
import { Engine } from './engine.js';
import { MongoError } from './errors.js';
import type { Doc } from './values.js';
import {
  type CommandRequest,
  encodeOpMsg,
  encodeOpReply,
  isImpossibleLength,
  parseMessage,
  ProtocolError,
} from './wire.js';

export interface MemoryMongoOptions {
  /** 0 or omitted: a free port chosen by the system. */
  port?: number;
  host?: string;
  replSetName?: string;
  /** How often expired TTL documents are removed (MongoDB: every 60 s). */
  ttlMonitorIntervalMs?: number;
  /** Receives one line per dropped connection, for diagnostics. */
  onProtocolError?: (message: string) => void;
}

export interface RunningMemoryMongo {
  /** `mongodb://host:port/?replicaSet=<name>`: add a database name with the driver's options. */
  uri: string;
  host: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Reads length-prefixed messages off one connection and answers them in order. Anything
 * malformed closes this connection only. Exported for the engine's micro-benchmark, which feeds
 * it messages without a socket.
 */
export class Connection {
  /** The start of a message not yet whole, kept as received until it is (copied once). */
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  /** How many buffered bytes the next step needs: the length prefix, then the whole message. */
  private awaited = 4;
  private queue: Promise<void> = Promise.resolve();
  /** Requests received and not yet answered: with none, the next one starts at once. */
  private unanswered = 0;
  private nextResponseId = 1;

  constructor(
    private readonly socket: net.Socket,
    private readonly engine: Engine,
    private readonly id: number,
    private readonly onProtocolError: (message: string) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
  }

  private receive(chunk: Buffer): void {
    let data = chunk;
    if (this.bufferedBytes > 0) {
      this.buffered.push(chunk);
      this.bufferedBytes += chunk.length;
      if (this.bufferedBytes < this.awaited) return;
      data = Buffer.concat(this.buffered, this.bufferedBytes);
      this.buffered = [];
      this.bufferedBytes = 0;
    }
    let offset = 0;
    while (data.length - offset >= 4) {
      const length = data.readInt32LE(offset);
      if (isImpossibleLength(length)) return this.fail(`impossible message length ${length}`);
      if (data.length - offset < length) break;
      const message =
        offset === 0 && length === data.length ? data : data.subarray(offset, offset + length);
      offset += length;
      let request: CommandRequest;
      try {
        request = parseMessage(message);
      } catch (error) {
        return this.fail(error instanceof ProtocolError ? error.message : String(error));
      }
      // Replies go out in request order: a request waits only behind unanswered ones.
      this.unanswered += 1;
      if (this.unanswered === 1) this.queue = this.answer(request) ?? this.queue;
      else this.queue = this.queue.then(() => this.answer(request));
    }
    if (offset < data.length) {
      const rest = offset === 0 ? data : data.subarray(offset);
      this.buffered = [rest];
      this.bufferedBytes = rest.length;
      this.awaited = rest.length >= 4 ? rest.readInt32LE(0) : 4;
    }
  }

  /** Answers at once when the command finishes synchronously; otherwise once it has run. */
  private answer(request: CommandRequest): Promise<void> | undefined {
    const reply = this.execute(request);
    if (reply instanceof Promise) return reply.then((done) => this.send(request, done));
    this.send(request, reply);
    return undefined;
  }

  private send(request: CommandRequest, reply: Doc): void {
    this.unanswered -= 1;
    if (request.moreToCome || this.socket.destroyed) return;
    const responseId = this.nextResponseId++;
    const encode = request.kind === 'msg' ? encodeOpMsg : encodeOpReply;
    let message: Buffer;
    try {
      message = encode(reply, responseId, request.requestId);
    } catch (error) {
      // A reply BSON cannot hold: the client gets the error instead of the connection dying.
      message = encode(errorReply(error), responseId, request.requestId);
    }
    this.socket.write(message);
  }

  private execute(request: CommandRequest): Doc | Promise<Doc> {
    try {
      const reply = this.engine.run(request.db, stripGenericFields(request.body), this.id);
      return reply instanceof Promise ? reply.catch(errorReply) : reply;
    } catch (error) {
      return errorReply(error);
    }
  }

  private fail(reason: string): void {
    this.onProtocolError(`connection ${this.id} closed: ${reason}`);
    this.buffered = [];
    this.bufferedBytes = 0;
    this.socket.destroy();
  }
}

function errorReply(error: unknown): Doc {
  if (error instanceof MongoError) return error.toReply();
  return new MongoError('InternalError', (error as Error).message ?? String(error)).toReply();
}

/** Fields every command may carry that no handler needs. */
function stripGenericFields(body: Doc): Doc {
  const {
    $db: _db,
    $readPreference: _readPreference,
    $clusterTime: _clusterTime,
    readConcern: _readConcern,
    writeConcern: _writeConcern,
    apiVersion: _apiVersion,
    apiStrict: _apiStrict,
    apiDeprecationErrors: _apiDeprecationErrors,
    maxTimeMS: _maxTimeMS,
    comment: _comment,
    ...rest
  } = body;
  return rest;
}

export const MemoryMongo = {
  /** Starts a server; resolves once it is listening. */
  async start(options: MemoryMongoOptions = {}): Promise<RunningMemoryMongo> {
    const host = options.host ?? '127.0.0.1';
    const replSetName = options.replSetName ?? 'rs0';
    const onProtocolError = options.onProtocolError ?? (() => undefined);
    const sockets = new Set<net.Socket>();
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
    const address = server.address() as net.AddressInfo;
    const engine = new Engine({
      host,
      port: address.port,
      replSetName,
      ttlMonitorIntervalMs: options.ttlMonitorIntervalMs ?? 60_000,
    });
    let nextConnectionId = 1;
    // Nobody knows the port before start() resolves, so no connection can arrive earlier.
    server.on('connection', (socket) => {
      sockets.add(socket);
      engine.connections.current += 1;
      engine.connections.totalCreated += 1;
      socket.on('close', () => {
        sockets.delete(socket);
        engine.connections.current -= 1;
      });
      new Connection(socket, engine, nextConnectionId++, onProtocolError);
    });
    return {
      uri: `mongodb://${host}:${address.port}/?replicaSet=${replSetName}`,
      host,
      port: address.port,
      async stop() {
        engine.close();
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  },
};
