import type { NotificationItem } from '../../../shared/ipc/features/notifications.ts';
import type { EntityKind, EntityOf } from '../../../shared/model/index.ts';
import type { Replica } from '../replica/replica.ts';
import { NotificationStore, type NewNotification } from './notification-store.ts';

/**
 * Derives the agent's notifications from rows arriving from the server's change log (pull pages and
 * realtime deltas; the initial sync's snapshot and scope downloads never pass here):
 * - assigned: a ticket arrives assigned to me whose previous server row had another assignee;
 * - mentioned: a new message whose mentionIds include me;
 * - customer_replied: a new message from a contact on a ticket assigned to me or that I follow.
 * Never for my own actions: messages I wrote, and tickets that a mutation of mine still in the
 * outbox (its effect is arriving right now) is about. Runs inside the rebase transaction, where
 * the replica holds the previous server rows (pending mutations are undone).
 */
export class NotificationDeriver {
  readonly store: NotificationStore;
  readonly #replica: Replica;
  readonly #ownMutationAbout;
  /** Added since the last `takeAdded`, possibly in a transaction that rolled back. */
  #added: string[] = [];

  constructor(replica: Replica) {
    this.#replica = replica;
    this.store = new NotificationStore(replica);
    this.#ownMutationAbout = replica.db
      .prepare<[string], number>(`SELECT EXISTS (SELECT 1 FROM _outbox WHERE state IN ('pending', 'acknowledged') AND instr(args, ?) > 0)`)
      .pluck();
  }

  /** Starts watching the replica's server changes; returns the stop. */
  attach(): () => void {
    this.#replica.serverRows.observer = (kind, row, seq) => this.observe(kind, row, seq);
    return () => {
      this.#replica.serverRows.observer = null;
    };
  }

  observe(kind: EntityKind, row: EntityOf<EntityKind>, seq: number): void {
    if (kind !== 'ticket' && kind !== 'message') return;
    const me = this.#replica.meta.get('agent_id');
    if (!me) return;
    if (kind === 'ticket') this.#ticket(me, row as EntityOf<'ticket'>, seq);
    else if (kind === 'message') this.#message(me, row as EntityOf<'message'>);
  }

  /** The ones added since the last call that are really stored (committed, or in the open transaction). */
  takeAdded(): NotificationItem[] {
    const ids = this.#added;
    this.#added = [];
    return ids.length === 0 ? [] : this.store.find(ids);
  }

  #ticket(me: string, ticket: EntityOf<'ticket'>, seq: number): void {
    if (ticket.assigneeId !== me) return;
    const previous = this.#replica.store.get('ticket', ticket.id);
    if (previous?.assigneeId === me) return;
    if (this.#ownMutationAbout.get(ticket.id) === 1) return;
    this.#add({ id: `assigned:${ticket.id}:${seq}`, type: 'assigned', ticketId: ticket.id, messageId: null, actorId: null, createdAt: ticket.updatedAt });
  }

  #message(me: string, message: EntityOf<'message'>): void {
    if (message.authorType === 'agent' && message.authorId === me) return;
    const mentioned = message.mentionIds.includes(me);
    if (!mentioned && message.authorType !== 'contact') return;
    // Messages are append-only: a row seen before (a merge moving it, a re-send) is no news.
    if (this.#replica.store.get('message', message.id)) return;
    const base = { ticketId: message.ticketId, messageId: message.id, actorId: message.authorId, createdAt: message.createdAt };
    if (mentioned) {
      this.#add({ id: `mentioned:${message.id}`, type: 'mentioned', ...base });
      return;
    }
    const ticket = this.#replica.store.get('ticket', message.ticketId);
    if (!ticket || (ticket.assigneeId !== me && !ticket.followerIds.includes(me))) return;
    this.#add({ id: `customer_replied:${message.id}`, type: 'customer_replied', ...base });
  }

  #add(n: NewNotification): void {
    if (this.store.add(n)) this.#added.push(n.id);
  }
}
