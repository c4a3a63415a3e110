import type { TicketPresence } from '../../../shared/ipc/presence.ts';
import { PRESENCE_TTL_MS, type PresenceState, type RealtimeClientMessage, type RealtimePresence } from '../../../shared/sync/realtime.ts';

const SWEEP_MS = 5_000;

export interface PresenceBoardOptions {
  /** The display name of an agent (from the replica's directory). */
  nameOf(agentId: string): string;
  /** Who else is on this ticket changed. */
  emit(presence: TicketPresence): void;
  now?: () => number;
}

interface Seen {
  agentId: string;
  state: PresenceState;
  expires: number;
}

type Send = (message: RealtimeClientMessage) => boolean;

/**
 * Presence in memory, never in the replica: what other agents are doing on tickets (as the server
 * fans it out) and what this agent is doing (re-announced whenever the socket comes back). Both
 * lapse after PRESENCE_TTL_MS without a refresh, so an app that vanished stops showing.
 */
export class PresenceBoard {
  readonly #opts: PresenceBoardOptions;
  readonly #now: () => number;
  /** Others' presence by ticket, then by announcing connection (an agent may have two apps open). */
  readonly #others = new Map<string, Map<string, Seen>>();
  /** This agent's own presence by ticket; the UI refreshes it while the ticket is open. */
  readonly #mine = new Map<string, { state: PresenceState; expires: number }>();
  readonly #timer: NodeJS.Timeout;
  #send: Send | null = null;

  constructor(opts: PresenceBoardOptions) {
    this.#opts = opts;
    this.#now = opts.now ?? Date.now;
    this.#timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.#timer.unref();
  }

  /** The agent opened, is typing on, or (null) left a ticket. Answers who else is on it. */
  set(ticketId: string, state: PresenceState | null): TicketPresence {
    if (state === null) this.#mine.delete(ticketId);
    else this.#mine.set(ticketId, { state, expires: this.#now() + PRESENCE_TTL_MS });
    this.#send?.({ type: 'presence', ticketId, state });
    return this.of(ticketId);
  }

  /** The socket is up: the server forgot our presence with the last connection, so say it again. */
  connected(send: Send): void {
    this.#send = send;
    this.#expireMine();
    for (const [ticketId, { state }] of this.#mine) send({ type: 'presence', ticketId, state });
  }

  /** The socket is down: what others do can no longer be refreshed or cleared here (the server sends it again on reconnect). */
  disconnected(): void {
    this.#send = null;
    const tickets = [...this.#others.keys()];
    this.#others.clear();
    for (const ticketId of tickets) this.#emit(ticketId);
  }

  /** Signed out or closing: forget ours too. */
  reset(): void {
    this.#mine.clear();
    this.disconnected();
  }

  close(): void {
    clearInterval(this.#timer);
    this.reset();
  }

  receive({ from, agentId, ticketId, state }: RealtimePresence): void {
    const byFrom = this.#others.get(ticketId) ?? new Map<string, Seen>();
    const before = byFrom.get(from)?.state ?? null;
    if (state === null) byFrom.delete(from);
    else byFrom.set(from, { agentId, state, expires: this.#now() + PRESENCE_TTL_MS });
    if (byFrom.size === 0) this.#others.delete(ticketId);
    else this.#others.set(ticketId, byFrom);
    if (before !== state) this.#emit(ticketId);
  }

  /** Everyone else on the ticket, one line per agent (replying wins over viewing), by name. */
  of(ticketId: string): TicketPresence {
    const now = this.#now();
    const states = new Map<string, PresenceState>();
    for (const seen of this.#others.get(ticketId)?.values() ?? []) {
      if (seen.expires > now && states.get(seen.agentId) !== 'replying') states.set(seen.agentId, seen.state);
    }
    const agents = [...states].map(([agentId, state]) => ({ agentId, name: this.#opts.nameOf(agentId), state }));
    return { ticketId, agents: agents.sort((a, b) => a.name.localeCompare(b.name)) };
  }

  /** Drops what was not refreshed in time; runs on a timer. */
  sweep(): void {
    const now = this.#now();
    for (const [ticketId, byFrom] of this.#others) {
      const before = byFrom.size;
      for (const [from, seen] of byFrom) if (seen.expires <= now) byFrom.delete(from);
      if (byFrom.size === 0) this.#others.delete(ticketId);
      if (byFrom.size !== before) this.#emit(ticketId);
    }
    for (const ticketId of this.#expireMine()) this.#send?.({ type: 'presence', ticketId, state: null });
  }

  /** Our own presence the UI stopped refreshing (its window went away without saying so); returns those tickets. */
  #expireMine(): string[] {
    const now = this.#now();
    const lapsed = [...this.#mine].filter(([, mine]) => mine.expires <= now).map(([ticketId]) => ticketId);
    for (const ticketId of lapsed) this.#mine.delete(ticketId);
    return lapsed;
  }

  #emit(ticketId: string): void {
    this.#opts.emit(this.of(ticketId));
  }
}
