import { chmod, unlink } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  /**
   * Also listen on a Unix domain socket, as mongod does (default true; never on Windows). Its
   * round trip is cheaper than loopback TCP, so `uri` names it when it is on.
   */
  unixSocket?: boolean;
}

export interface RunningMemoryMongo {
  /**
   * The URI for clients on this machine: through the Unix domain socket when it listens
   * (`mongodb://%2Ftmp%2Fmemory-mongo-<port>.sock/?replicaSet=<name>`), else `tcpUri`. Add a
   * database name with the driver's options.
   */
  uri: string;
  /** `mongodb://host:port/?replicaSet=<name>`: for clients that must use TCP (another host, a proxy). */
  tcpUri: string;
  /** The Unix domain socket's path, or undefined when there is none (turned off, Windows). */
  socketPath: string | undefined;
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
    /** The server's address as this client reached it (host:port or the socket's path). */
    private readonly serverAddress = engine.address,
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
      const reply = this.engine.run(
        request.db,
        stripGenericFields(request.body),
        this.id,
        this.serverAddress,
      );
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

/**
 * Where the socket goes: `<tmpdir>/memory-mongo-<port>.sock`, as mongod's `/tmp/mongodb-<port>.sock`
 * (the TCP port makes it unique among running servers). The driver lowercases the hosts that
 * `hello` reports, and a socket path must stay under about 100 bytes (104 on macOS), so a
 * temporary directory that breaks either rule gives way to `/tmp`.
 */
export function socketPathFor(port: number, directory = tmpdir()): string {
  const file = `memory-mongo-${port}.sock`;
  const preferred = path.join(directory, file);
  const usable = preferred === preferred.toLowerCase() && Buffer.byteLength(preferred) <= 100;
  return usable ? preferred : path.posix.join('/tmp', file);
}

function listen(server: net.Server, options: net.ListenOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => reject(error);
    server.once('error', fail);
    server.listen(options, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

/** True when a server answers on the socket; a file nobody listens on is left by a dead process. */
function socketAnswers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/**
 * Listens on the socket, owner-only. A stale file (its server died without stop) is removed; a
 * live one (another server with this port number, e.g. in another network namespace) is left
 * alone. The socket only makes round trips cheaper, so anything in the way (that live server,
 * another user's file, a directory we may not write) leaves this server on TCP: undefined.
 */
async function listenOnSocket(server: net.Server, socketPath: string): Promise<string | undefined> {
  try {
    try {
      await listen(server, { path: socketPath });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') return undefined;
      if (await socketAnswers(socketPath)) return undefined;
      await unlink(socketPath);
      await listen(server, { path: socketPath });
    }
    await chmod(socketPath, 0o600);
    return socketPath;
  } catch {
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    return undefined;
  }
}

/** A socket path goes into the URI percent-encoded, as the driver's documentation shows. */
function uriOf(address: string, replSetName: string): string {
  const host = address.startsWith('/') ? encodeURIComponent(address) : address;
  return `mongodb://${host}/?replicaSet=${replSetName}`;
}

export const MemoryMongo = {
  /** Starts a server; resolves once it is listening. */
  async start(options: MemoryMongoOptions = {}): Promise<RunningMemoryMongo> {
    const host = options.host ?? '127.0.0.1';
    const replSetName = options.replSetName ?? 'rs0';
    const onProtocolError = options.onProtocolError ?? (() => undefined);
    const sockets = new Set<net.Socket>();
    const tcpServer = net.createServer();
    await listen(tcpServer, { port: options.port ?? 0, host });
    const { port } = tcpServer.address() as net.AddressInfo;
    const socketServer =
      options.unixSocket !== false && process.platform !== 'win32' ? net.createServer() : undefined;
    const socketPath = socketServer && (await listenOnSocket(socketServer, socketPathFor(port)));
    const engine = new Engine({
      host,
      port,
      replSetName,
      ttlMonitorIntervalMs: options.ttlMonitorIntervalMs ?? 60_000,
    });
    let nextConnectionId = 1;
    // Nobody knows the port before start() resolves, so no connection can arrive earlier.
    const accept = (socket: net.Socket, serverAddress: string) => {
      sockets.add(socket);
      engine.connections.current += 1;
      engine.connections.totalCreated += 1;
      socket.on('close', () => {
        sockets.delete(socket);
        engine.connections.current -= 1;
      });
      new Connection(socket, engine, nextConnectionId++, onProtocolError, serverAddress);
    };
    tcpServer.on('connection', (socket) => accept(socket, engine.address));
    if (socketPath) {
      // A socket client is told the socket is the replica set's member, so the driver's view of
      // the set (hello's `me`, `hosts`, `primary`) names the address it connected to.
      const address = socketPath;
      socketServer?.on('connection', (socket) => accept(socket, address));
    }
    const tcpUri = uriOf(`${host}:${port}`, replSetName);
    return {
      uri: socketPath ? uriOf(socketPath, replSetName) : tcpUri,
      tcpUri,
      socketPath,
      host,
      port,
      async stop() {
        engine.close();
        for (const socket of sockets) socket.destroy();
        const closing = [tcpServer, ...(socketPath && socketServer ? [socketServer] : [])];
        // Closing the socket's server removes its file (libuv unlinks it).
        await Promise.all(
          closing.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
        );
      },
    };
  },
};
