import type { Migration } from '../replica/migrate.ts';

/**
 * What scopes, checksums and evictions need beside the entity rows:
 * - `_versions`: each row the server sent, with its version, the scopes it was in (JSON) and its
 *   row hash; rows the agent created and the server has not confirmed yet have none;
 * - `_scope_sums`: per scope, the count and hash sum of those rows, kept in step with `_versions`;
 * - `_retained`: rows the server took away (deleted, evicted, scope lost) kept only because pending
 *   mutations need them; they go when those mutations leave the outbox;
 * - `_unconfirmed`: rows of a scope being downloaded again; those the download does not bring are removed.
 */
export const scopes: Migration = {
  version: 4,
  name: 'scopes',
  up(db) {
    db.exec(`
      CREATE TABLE _versions (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        scopes TEXT NOT NULL,
        hash INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE _scope_sums (scope TEXT PRIMARY KEY, count INTEGER NOT NULL, sum INTEGER NOT NULL) STRICT, WITHOUT ROWID;
      CREATE TABLE _retained (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id)) STRICT, WITHOUT ROWID;
      CREATE TABLE _unconfirmed (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id)) STRICT, WITHOUT ROWID;
    `);
  },
};
