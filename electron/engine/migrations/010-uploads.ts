import type { Migration } from '../replica/migrate.ts';

/**
 * Attachment files waiting to be uploaded (issue 5). Engine-local, never replicated: the
 * bytes live in `<dataDir>/attachments/<sha256>`, and the sync loop sends each row's file to the
 * server (of the session that attached it) before it pushes, then deletes the row. `error` keeps
 * why the server refused a file for good (the row then stays, not retried).
 */
export const uploads: Migration = {
  version: 10,
  name: 'uploads',
  up(db) {
    db.exec(`
      CREATE TABLE _uploads (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        server_url TEXT NOT NULL,
        agent_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        error TEXT
      ) STRICT;
    `);
  },
};
