import type { Migration } from '../replica/migrate.ts';

/**
 * In-app notifications (issue 5, shell): engine-local, never synced. The engine derives them from
 * rows arriving from the server (electron/engine/notifications/derive.ts) and keeps the newest 500.
 * `id` is deterministic (type + the row it came from), so a page applied twice adds nothing.
 */
export const notifications: Migration = {
  version: 9,
  name: 'notifications',
  up(db) {
    db.exec(`
      CREATE TABLE _notifications (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN ('assigned', 'mentioned', 'customer_replied')),
        ticket_id TEXT NOT NULL,
        message_id TEXT,
        actor_id TEXT,
        created_at TEXT NOT NULL,
        read_at TEXT
      ) STRICT;
      CREATE INDEX _notifications_newest ON _notifications (created_at DESC);
      CREATE INDEX _notifications_unread ON _notifications (read_at) WHERE read_at IS NULL;
    `);
  },
};
