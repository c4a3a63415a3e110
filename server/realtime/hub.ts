import type { WebSocket } from 'ws';
import { newId } from '../../shared/ids.ts';
import type { Cursor } from '../../shared/sync/protocol.ts';
import { PRESENCE_TTL_MS, type PresenceState, type RealtimePresence } from '../../shared/sync/realtime.ts';
import type { Cursor as PullCursor } from '../../shared/sync/protocol.ts';
import type { GroupReader } from '../sync/group-pull.ts';
import { seesAny, type Visibility } from '../sync/scopes.ts';
import { deltaFor, pokeText, type Composed, type GroupPuller } from './delta.ts';
import type { CommitNotice, PresenceNotice } from './notices.ts';

const KEEP_ALIVE_MS = 30_000;

/** Who is behind one socket, as the realtime route knows them. */
export interface Member {
  agentId: string;
  /** Read at each fan-out; refreshed before every delta. */
  visibility: Visibility;
  /** Checks the socket's session again and answers the agent's visibility now; rejects when the session ended. */
  refresh(): Promise<Visibility>;
}

export interface HubOptions {
  keepAliveMs?: number;
  /**
   * Reads what a pull would answer a group of clients standing at one cursor, once for the group.
   * Without it every socket is poked and pulls for itself.
   */
  pullGroup?: GroupPuller;
  /** Sends a presence notice to every instance; by default straight back to this hub (one instance). */
  publishPresence?: (notice: PresenceNotice) => void;
  now?: () => number;
}

interface Subscriber {
  member: Member;
  /** This connection's id in presence notices. */
  from: string;
  alive: boolean;
  clientId: string | null;
  /** Where the client's replica stands: as it last said, or as the last delta sent took it. */
  cursor: Cursor | null;
  /** The highest commit seq this socket has been told about, and the highest it should be. */
  told: number;
  wanted: number;
  /** Tickets this connection announced a presence on, with their scopes, to clear when it closes. */
  present: Map<string, string[]>;
}

interface LivePresence {
  notice: PresenceNotice;
  expires: number;
}

/**
 * The connected realtime sockets of this instance. After a commit, each socket whose agent may see
 * one of the changed scopes gets an inline delta (when its cursor is known and what it misses is
 * small) or a poke. Presence is kept in memory only: it ends with its connection or its TTL.
 * A socket that misses a keep-alive round is dropped.
 */
export class RealtimeHub {
  readonly #subscribers = new Map<WebSocket, Subscriber>();
  /** Live presence from every instance, by connection and ticket, so that a newcomer sees it at once. */
  readonly #presence = new Map<string, LivePresence>();
  readonly #timer: NodeJS.Timeout;
  readonly #publishPresence: (notice: PresenceNotice) => void;
  readonly #now: () => number;
  readonly #pullGroup: GroupPuller | undefined;
  #closed = false;
  #flushing = false;

  constructor({ keepAliveMs = KEEP_ALIVE_MS, pullGroup, publishPresence, now = Date.now }: HubOptions = {}) {
    this.#pullGroup = pullGroup;
    this.#timer = setInterval(() => this.#sweep(), keepAliveMs);
    this.#timer.unref();
    this.#publishPresence = publishPresence ?? ((notice) => this.deliverPresence(notice));
    this.#now = now;
  }

  get size(): number {
    return this.#subscribers.size;
  }

  add(socket: WebSocket, member: Member): void {
    const subscriber: Subscriber = {
      member,
      from: newId(),
      alive: true,
      clientId: null,
      cursor: null,
      told: 0,
      wanted: 0,
      present: new Map(),
    };
    this.#subscribers.set(socket, subscriber);
    socket.on('pong', () => (subscriber.alive = true));
    socket.on('close', () => this.#remove(socket));
    socket.on('error', () => socket.terminate());
    this.#expirePresence();
    for (const { notice } of this.#presence.values()) {
      if (this.#shouldHear(subscriber, notice)) socket.send(presenceText(notice));
    }
  }

  /** The client's replica now stands at `cursor`. Within one epoch a cursor only moves forward: an older report is a late one. */
  reportCursor(socket: WebSocket, clientId: string, cursor: Cursor): void {
    const subscriber = this.#subscribers.get(socket);
    if (!subscriber) return;
    const known = subscriber.clientId === clientId ? subscriber.cursor : null;
    if (known && known.epoch === cursor.epoch && known.seq >= cursor.seq) return;
    subscriber.clientId = clientId;
    subscriber.cursor = cursor;
  }

  /** A commit on any instance: every socket that may see it hears of it, once, in order. */
  deliver(commit: CommitNotice): void {
    for (const subscriber of this.#subscribers.values()) {
      if (commit.seq <= subscriber.told || !seesAny(subscriber.member.visibility, commit.scopes)) continue;
      subscriber.wanted = Math.max(subscriber.wanted, commit.seq);
    }
    void this.#flush();
  }

  /** The agent behind `socket` is on a ticket (in `scopes`), or left it (null). */
  announce(socket: WebSocket, ticketId: string, scopes: string[], state: PresenceState | null): void {
    const subscriber = this.#subscribers.get(socket);
    if (!subscriber) return;
    if (state === null) subscriber.present.delete(ticketId);
    else subscriber.present.set(ticketId, scopes);
    this.#publishPresence({ from: subscriber.from, agentId: subscriber.member.agentId, ticketId, scopes, state });
  }

  /** How many tickets the agent behind `socket` shows a presence on. */
  presentCount(socket: WebSocket): number {
    return this.#subscribers.get(socket)?.present.size ?? 0;
  }

  /** A presence from any instance: kept until cleared or expired, and sent to the sockets that may see its ticket. */
  deliverPresence(notice: PresenceNotice): void {
    const key = `${notice.from} ${notice.ticketId}`;
    if (notice.state === null) this.#presence.delete(key);
    else this.#presence.set(key, { notice, expires: this.#now() + PRESENCE_TTL_MS });
    const text = presenceText(notice);
    for (const [socket, subscriber] of this.#subscribers) {
      if (socket.readyState === socket.OPEN && this.#shouldHear(subscriber, notice)) socket.send(text);
    }
  }

  close(): void {
    this.#closed = true;
    clearInterval(this.#timer);
    for (const socket of this.#subscribers.keys()) socket.terminate();
    this.#subscribers.clear();
    this.#presence.clear();
  }

  /**
   * Tells every socket that is behind, round after round until none is: each round sends each such
   * socket one message (so a socket's messages arrive in order), read once per group of sockets at
   * the same cursor whatever their scopes — the sockets a commit wakes mostly stand at the previous
   * head, so one commit costs one snapshot read, not a pull per socket.
   */
  async #flush(): Promise<void> {
    if (this.#flushing) return;
    this.#flushing = true;
    try {
      for (;;) {
        const due = [...this.#subscribers].filter(([socket, s]) => s.wanted > s.told && socket.readyState === socket.OPEN);
        if (due.length === 0 || this.#closed) return;
        await this.#round(due);
      }
    } finally {
      this.#flushing = false;
    }
  }

  async #round(due: [WebSocket, Subscriber][]): Promise<void> {
    const groups = new Map<string, { cursor: PullCursor; members: [WebSocket, Subscriber, number][] }>();
    const pokes: [WebSocket, Subscriber, number][] = [];
    await Promise.all(
      due.map(async ([socket, subscriber]) => {
        const seq = subscriber.wanted;
        const { clientId, cursor } = subscriber;
        const visibility = this.#pullGroup && clientId && cursor ? await subscriber.member.refresh().catch(() => null) : null;
        // No cursor yet, or a session that ended: a poke, and the client's own pull hears why.
        if (!visibility || !cursor) return pokes.push([socket, subscriber, seq]);
        subscriber.member.visibility = visibility;
        const key = `${cursor.epoch} ${cursor.seq}`;
        const group = groups.get(key) ?? { cursor, members: [] };
        group.members.push([socket, subscriber, seq]);
        groups.set(key, group);
      }),
    );
    const composed = new Map<Subscriber, Composed>();
    await Promise.all(
      [...groups.values()].map(async ({ cursor, members }) => {
        const readers: GroupReader[] = members.map(([, s]) => ({ clientId: s.clientId ?? '', agentId: s.member.agentId, visibility: s.member.visibility }));
        // A refused or failed read (store down) is for the clients' own pulls to hear about.
        const pages = await this.#pullGroup?.(cursor, readers).catch(() => null);
        for (const [, subscriber] of members) {
          const delta = deltaFor(pages?.get(subscriber.clientId ?? ''), cursor.seq);
          if (delta) composed.set(subscriber, delta);
        }
      }),
    );
    const told: [WebSocket, Subscriber, number, PullCursor | null][] = [
      ...pokes.map(([socket, subscriber, seq]): [WebSocket, Subscriber, number, null] => [socket, subscriber, seq, null]),
      ...[...groups.values()].flatMap((g) => g.members.map(([socket, subscriber, seq]): [WebSocket, Subscriber, number, PullCursor] => [socket, subscriber, seq, g.cursor])),
    ];
    for (const [socket, subscriber, seq, from] of told) {
      if (this.#closed || socket.readyState !== socket.OPEN) continue;
      const delta = composed.get(subscriber);
      socket.send(delta?.text ?? pokeText(seq));
      subscriber.told = Math.max(seq, delta?.cursor?.seq ?? 0);
      // The client stands where the delta took it, unless it reported a cursor of its own meanwhile.
      if (delta?.cursor && subscriber.cursor === from) subscriber.cursor = delta.cursor;
    }
  }

  /** Presence goes to agents who may see the ticket, never back to the agent who announced it. */
  #shouldHear(subscriber: Subscriber, notice: PresenceNotice): boolean {
    return subscriber.member.agentId !== notice.agentId && seesAny(subscriber.member.visibility, notice.scopes);
  }

  /** Drops presence not refreshed in time, e.g. of an instance that died without clearing it. */
  #expirePresence(): void {
    const now = this.#now();
    for (const [key, live] of this.#presence) if (live.expires <= now) this.#presence.delete(key);
  }

  #remove(socket: WebSocket): void {
    const subscriber = this.#subscribers.get(socket);
    if (!subscriber) return;
    this.#subscribers.delete(socket);
    if (this.#closed) return;
    for (const [ticketId, scopes] of subscriber.present) {
      this.#publishPresence({ from: subscriber.from, agentId: subscriber.member.agentId, ticketId, scopes, state: null });
    }
  }

  #sweep(): void {
    for (const [socket, subscriber] of this.#subscribers) {
      if (!subscriber.alive) {
        socket.terminate();
        this.#remove(socket);
        continue;
      }
      subscriber.alive = false;
      socket.ping();
    }
    this.#expirePresence();
  }
}

function presenceText({ from, agentId, ticketId, state }: PresenceNotice): string {
  return JSON.stringify({ type: 'presence', from, agentId, ticketId, state } satisfies RealtimePresence);
}
