import { Adapter, type BroadcastOptions, type Room, type Session } from 'socket.io-adapter';

type SessionToPersist = Parameters<Adapter['persistSession']>[0];
type StoredSession = SessionToPersist & { disconnectedAt: number };

/** socket.io-parser's EVENT packet type: only events are kept for recovery. */
const EVENT = 2;
const NO_ROOMS = '[]';

/**
 * One broadcast kept for connection state recovery, in as few heap objects as it can be: the
 * arguments and the rooms as JSON text (what the wire carries anyway) instead of the live payload
 * objects, their strings and two Sets per packet.
 */
class KeptPacket {
  constructor(
    readonly id: string,
    readonly emittedAt: number,
    /** JSON arrays of room names. */
    readonly rooms: string,
    readonly except: string,
    /** The event's arguments as JSON, or as they were when they carry binary data. */
    readonly data: string | unknown[],
  ) {}
}

/**
 * Socket.IO's in-memory adapter with connection state recovery (a client back within
 * `maxDisconnectionDuration` gets the events it missed), as socket.io-adapter's
 * `SessionAwareAdapter` does it, but keeping each broadcast as JSON text. That adapter keeps every
 * packet for the whole recovery window as the live objects that were emitted (the payload, its
 * strings, a Set of rooms and one of exceptions: about twenty objects per `message:new`), so at
 * 200 messages a second the old generation holds some 24,000 such packets that each major
 * collection marks; as text a packet is five objects and about half the bytes. A recovered client
 * receives the same frames: the arguments are parsed back from the JSON the encoder would write.
 */
export class RecoveryAdapter extends Adapter {
  private readonly maxDisconnectionDuration: number;
  private readonly sessions = new Map<string, StoredSession>();
  private packets: KeptPacket[] = [];
  private nextOffset = 0;
  private readonly sweeper: NodeJS.Timeout;

  // The namespace's type is socket.io's, which socket.io-adapter leaves as `any`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(nsp: any) {
    super(nsp);
    const recovery = (nsp as { server: { opts: { connectionStateRecovery?: unknown } } }).server
      .opts.connectionStateRecovery as { maxDisconnectionDuration?: number } | undefined;
    this.maxDisconnectionDuration = recovery?.maxDisconnectionDuration ?? 2 * 60_000;
    this.sweeper = setInterval(() => this.sweep(Date.now()), 60_000);
    this.sweeper.unref();
  }

  override close(): void {
    clearInterval(this.sweeper);
  }

  /** Forgets sessions and packets older than the recovery window (once a minute, as upstream). */
  sweep(now: number): void {
    const threshold = now - this.maxDisconnectionDuration;
    for (const [pid, session] of this.sessions) {
      if (session.disconnectedAt < threshold) this.sessions.delete(pid);
    }
    let expired = 0;
    while (
      expired < this.packets.length &&
      (this.packets[expired] as KeptPacket).emittedAt < threshold
    )
      expired++;
    if (expired > 0) this.packets = this.packets.slice(expired);
  }

  override persistSession(session: SessionToPersist): void {
    this.sessions.set(session.pid, { ...session, disconnectedAt: Date.now() });
  }

  override restoreSession(pid: string, offset: string): Promise<Session> {
    const session = this.sessions.get(pid);
    // The declared type says Promise<Session>; socket.io treats a null answer as "not recoverable".
    const none = null as unknown as Promise<Session>;
    if (!session) return none;
    if (session.disconnectedAt + this.maxDisconnectionDuration < Date.now()) {
      this.sessions.delete(pid);
      return none;
    }
    const index = this.packets.findIndex((packet) => packet.id === offset);
    if (index === -1) return none;
    const missedPackets: unknown[][] = [];
    for (let i = index + 1; i < this.packets.length; i++) {
      const packet = this.packets[i] as KeptPacket;
      if (reaches(session.rooms, packet)) {
        missedPackets.push(
          typeof packet.data === 'string' ? (JSON.parse(packet.data) as unknown[]) : packet.data,
        );
      }
    }
    const { disconnectedAt: _disconnectedAt, ...kept } = session;
    return Promise.resolve({ ...kept, missedPackets });
  }

  // socket.io-adapter types the packet as `any` (socket.io-parser's Packet).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override broadcast(packet: any, opts: BroadcastOptions): void {
    const { type, id: ackId, data } = packet as { type: number; id?: number; data: unknown[] };
    // Packets that wait for an acknowledgement are not kept (the callback cannot be restored),
    // nor volatile ones.
    if (type === EVENT && ackId === undefined && opts.flags?.volatile === undefined) {
      const offset = this.nextId();
      // The offset goes last in the arguments: the client sends back the last one it processed.
      data.push(offset);
      this.packets.push(
        new KeptPacket(
          offset,
          Date.now(),
          roomsText(opts.rooms),
          opts.except && opts.except.size > 0 ? roomsText(opts.except) : NO_ROOMS,
          hasBinary(data) ? data : JSON.stringify(data),
        ),
      );
    }
    super.broadcast(packet, opts);
  }

  /** Offsets only need to be unique within this process's packets: a restart forgets sessions. */
  private nextId(): string {
    this.nextOffset += 1;
    return this.nextOffset.toString(36);
  }
}

const roomsText = (rooms: ReadonlySet<Room>): string =>
  rooms.size === 0 ? NO_ROOMS : JSON.stringify([...rooms]);

/** Whether a session in `rooms` would have received the packet (as upstream decides it). */
function reaches(rooms: Room[], packet: KeptPacket): boolean {
  const to = JSON.parse(packet.rooms) as Room[];
  const included = to.length === 0 || rooms.some((room) => to.includes(room));
  if (!included) return false;
  if (packet.except === NO_ROOMS) return true;
  const except = JSON.parse(packet.except) as Room[];
  return rooms.every((room) => !except.includes(room));
}

/** Binary arguments travel as attachments, not JSON: such packets are kept as they are. */
function hasBinary(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  if (Array.isArray(value)) return value.some(hasBinary);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  // What JSON would write decides (a Date is a string), as in socket.io-parser.
  if (typeof toJSON === 'function') return hasBinary((toJSON as () => unknown).call(value));
  return Object.values(value).some(hasBinary);
}
