import { Adapter, type BroadcastOptions, type Room, type Session } from 'socket.io-adapter';

type SessionToPersist = Parameters<Adapter['persistSession']>[0];
type StoredSession = SessionToPersist & { disconnectedAt: number };

/** socket.io-parser's EVENT packet type: only events are kept for recovery. */
const EVENT = 2;

/** The rooms a packet went to and those it left out; packets to the same rooms share one. */
interface Audience {
  rooms: readonly Room[];
  except: readonly Room[];
}

/**
 * One broadcast kept for connection state recovery: its offset as a number, when it was emitted
 * (ms after the adapter started, a small integer), its audience (shared) and its arguments as
 * the JSON bytes the encoder writes for them (or as they were when they carry binary data).
 */
class KeptPacket {
  constructor(
    readonly offset: number,
    readonly emittedAt: number,
    readonly audience: Audience,
    readonly data: Buffer | unknown[],
  ) {}
}

/**
 * Socket.IO's in-memory adapter with connection state recovery (a client back within
 * `maxDisconnectionDuration` gets the events it missed), as socket.io-adapter's
 * `SessionAwareAdapter` does it, with each kept packet in two heap objects. That adapter keeps
 * every packet for the whole recovery window as the objects that were emitted (the payload with
 * its strings, a Set of rooms and one of exceptions, the room names: about twenty objects per
 * `message:new`), so at 200 messages a second the old generation holds some 24,000 packets that
 * each major collection marks again. Here a packet is a small record and a Buffer whose bytes
 * live outside the JS heap (the JSON text, not a string: V8 builds JSON.stringify's result as a
 * rope of about ten pieces), and packets to the same rooms share their audience. A recovered
 * client receives the same frames: the arguments are parsed back from the JSON the encoder would
 * write for them anyway.
 */
export class RecoveryAdapter extends Adapter {
  private readonly maxDisconnectionDuration: number;
  private readonly startedAt = Date.now();
  private readonly sessions = new Map<string, StoredSession>();
  private packets: KeptPacket[] = [];
  /** Audiences by their rooms as text; rebuilt from the packets kept at each sweep. */
  private audiences = new Map<string, Audience>();
  private lastOffset = 0;
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
    const since = threshold - this.startedAt;
    let expired = 0;
    while (expired < this.packets.length && (this.packets[expired] as KeptPacket).emittedAt < since)
      expired++;
    if (expired > 0) this.packets = this.packets.slice(expired);
    const audiences = new Map<string, Audience>();
    for (const { audience } of this.packets) audiences.set(audienceKey(audience), audience);
    this.audiences = audiences;
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
    const wanted = offsetNumber(offset);
    const index = this.packets.findIndex((packet) => packet.offset === wanted);
    if (index === -1) return none;
    const missedPackets: unknown[][] = [];
    for (let i = index + 1; i < this.packets.length; i++) {
      const packet = this.packets[i] as KeptPacket;
      if (!reaches(session.rooms, packet.audience)) continue;
      missedPackets.push(
        Buffer.isBuffer(packet.data)
          ? (JSON.parse(packet.data.toString('utf8')) as unknown[])
          : packet.data,
      );
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
      this.lastOffset += 1;
      // The offset goes last in the arguments: the client sends back the last one it processed.
      data.push(this.lastOffset.toString(36));
      this.packets.push(
        new KeptPacket(
          this.lastOffset,
          Date.now() - this.startedAt,
          this.audienceOf(opts),
          hasBinary(data) ? data : Buffer.from(JSON.stringify(data), 'utf8'),
        ),
      );
    }
    super.broadcast(packet, opts);
  }

  private audienceOf(opts: BroadcastOptions): Audience {
    const audience = { rooms: [...opts.rooms], except: [...(opts.except ?? [])] };
    const key = audienceKey(audience);
    const known = this.audiences.get(key);
    if (known) return known;
    this.audiences.set(key, audience);
    return audience;
  }
}

const audienceKey = ({ rooms, except }: Audience): string => JSON.stringify([rooms, except]);

/** The offsets this adapter hands out are base-36 numbers; anything else matches no packet. */
function offsetNumber(offset: string): number {
  const value = Number.parseInt(offset, 36);
  return Number.isSafeInteger(value) && value.toString(36) === offset ? value : -1;
}

/** Whether a session in `rooms` would have received the packet (as upstream decides it). */
function reaches(rooms: readonly Room[], audience: Audience): boolean {
  const included =
    audience.rooms.length === 0 || rooms.some((room) => audience.rooms.includes(room));
  return included && rooms.every((room) => !audience.except.includes(room));
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
