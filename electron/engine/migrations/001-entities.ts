import type { Migration } from '../replica/migrate.ts';

/**
 * One table per entity kind: the whole row as JSON in `data` (what the handlers return) plus
 * typed columns only for what queries filter, join or sort on. Times in typed columns are UTC ISO
 * strings so they sort as text. Each index is named for the query that uses it.
 */
export const entities: Migration = {
  version: 1,
  name: 'entities',
  up(db) {
    db.exec(`
      CREATE TABLE teams (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
      CREATE TABLE agents (id TEXT PRIMARY KEY, name TEXT NOT NULL, data TEXT NOT NULL) STRICT;
      CREATE TABLE accounts (id TEXT PRIMARY KEY, name TEXT NOT NULL, data TEXT NOT NULL) STRICT;
      CREATE TABLE contacts (id TEXT PRIMARY KEY, account_id TEXT, name TEXT NOT NULL, data TEXT NOT NULL) STRICT;
      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        unsolved INTEGER NOT NULL,
        team_id TEXT,
        assignee_id TEXT,
        requester_id TEXT NOT NULL,
        account_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        data TEXT NOT NULL
      ) STRICT;
      CREATE TABLE messages (id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, author_id TEXT, created_at TEXT NOT NULL, data TEXT NOT NULL) STRICT;
      CREATE TABLE articles (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;

      -- queue "all"
      CREATE INDEX tickets_by_updated ON tickets (updated_at, id);
      -- queue "mine"
      CREATE INDEX tickets_by_assignee ON tickets (assignee_id, unsolved, updated_at, id);
      -- queue "team", one index scan per team
      CREATE INDEX tickets_by_team ON tickets (team_id, unsolved, updated_at, id);
      -- queue "unassigned", one index scan per team (assignee_id IS NULL is an equality for the index)
      CREATE INDEX tickets_by_team_assignee ON tickets (team_id, unsolved, assignee_id, updated_at, id);
      -- customer pane: the account's and the requester's tickets, newest first
      CREATE INDEX tickets_by_account ON tickets (account_id, created_at);
      CREATE INDEX tickets_by_requester ON tickets (requester_id, created_at);
      -- customer pane: the account's contacts
      CREATE INDEX contacts_by_account ON contacts (account_id, name);
      -- ticket thread, oldest first
      CREATE INDEX messages_by_ticket ON messages (ticket_id, created_at, id);
    `);
  },
};
