import type { Migration } from '../replica/migrate.ts';

/**
 * Composer drafts per ticket (issue 5): engine-local, never synced, so a half-written reply survives
 * a restart. `base_message_id` is the newest public message the agent had seen when starting it.
 */
export const drafts: Migration = {
  version: 6,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE _drafts (
        ticket_id TEXT PRIMARY KEY,
        mode TEXT NOT NULL CHECK (mode IN ('reply', 'note')),
        html TEXT NOT NULL,
        base_message_id TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
