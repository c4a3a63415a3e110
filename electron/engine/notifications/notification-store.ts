import { MAX_NOTIFICATIONS, NotificationType, type NotificationItem } from '../../../shared/ipc/features/notifications.ts';
import type { EntityKind, EntityOf } from '../../../shared/model/index.ts';
import { fallbackNames } from '../queries/fallback-names.ts';
import type { Db } from '../replica/open-replica.ts';
import type { Replica } from '../replica/replica.ts';

interface NotificationRow {
  id: string;
  type: string;
  ticket_id: string;
  message_id: string | null;
  actor_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NewNotification {
  id: string;
  type: NotificationType;
  ticketId: string;
  messageId: string | null;
  actorId: string | null;
  createdAt: string;
}

/**
 * The engine-local `_notifications` table (replica migration 012): newest first, at most
 * MAX_NOTIFICATIONS. Writes run inside ReplicaWriter transactions (the caller's).
 */
export class NotificationStore {
  readonly #replica: Replica;
  readonly #sql;

  constructor(replica: Replica) {
    this.#replica = replica;
    const db: Db = replica.db;
    this.#sql = {
      insert: db.prepare<[string, string, string, string | null, string | null, string]>(
        'INSERT OR IGNORE INTO _notifications (id, type, ticket_id, message_id, actor_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      prune: db.prepare<[number]>(
        'DELETE FROM _notifications WHERE id NOT IN (SELECT id FROM _notifications ORDER BY created_at DESC, rowid DESC LIMIT ?)',
      ),
      count: db.prepare<[], number>('SELECT count(*) FROM _notifications').pluck(),
      unread: db.prepare<[], number>('SELECT count(*) FROM _notifications WHERE read_at IS NULL').pluck(),
      newest: db.prepare<[number], NotificationRow>('SELECT * FROM _notifications ORDER BY created_at DESC, rowid DESC LIMIT ?'),
      byId: db.prepare<[string], NotificationRow>('SELECT * FROM _notifications WHERE id = ?'),
      markOne: db.prepare<[string, string]>('UPDATE _notifications SET read_at = ? WHERE id = ? AND read_at IS NULL'),
      markAll: db.prepare<[string]>('UPDATE _notifications SET read_at = ? WHERE read_at IS NULL'),
      clear: db.prepare('DELETE FROM _notifications'),
    };
  }

  /** Adds one unless it is there already; true when it was added. */
  add(n: NewNotification): boolean {
    if (this.#sql.insert.run(n.id, n.type, n.ticketId, n.messageId, n.actorId, n.createdAt).changes === 0) return false;
    if (this.#sql.count.get()! > MAX_NOTIFICATIONS) this.#sql.prune.run(MAX_NOTIFICATIONS);
    return true;
  }

  unread(): number {
    return this.#sql.unread.get() ?? 0;
  }

  list(limit = MAX_NOTIFICATIONS): NotificationItem[] {
    return this.#sql.newest.all(limit).map((r) => this.#view(r));
  }

  /** The stored ones among `ids` (a transaction that added them may have rolled back), as views. */
  find(ids: readonly string[]): NotificationItem[] {
    return ids.flatMap((id) => {
      const row = this.#sql.byId.get(id);
      return row ? [this.#view(row)] : [];
    });
  }

  markRead(ids: readonly string[] | 'all', now: string): void {
    if (ids === 'all') this.#sql.markAll.run(now);
    else for (const id of ids) this.#sql.markOne.run(now, id);
  }

  clear(): void {
    this.#sql.clear.run();
  }

  #view(r: NotificationRow): NotificationItem {
    const { store } = this.#replica;
    const ticket = store.get('ticket', r.ticket_id);
    const type = NotificationType.parse(r.type);
    return {
      id: r.id,
      type,
      ticketId: r.ticket_id,
      messageId: r.message_id,
      actorId: r.actor_id,
      actorName: r.actor_id ? actorName(store, type === 'customer_replied' ? 'contact' : 'agent', r.actor_id) : null,
      ticketNumber: ticket?.number ?? null,
      ticketSubject: ticket?.subject ?? 'A ticket no longer on this workstation',
      createdAt: r.created_at,
      readAt: r.read_at,
    };
  }
}

function actorName(store: Replica['store'], kind: Extract<EntityKind, 'agent' | 'contact'>, id: string): string {
  const row = store.get(kind, id) as EntityOf<'agent'> | EntityOf<'contact'> | undefined;
  return row?.name ?? fallbackNames[kind];
}
