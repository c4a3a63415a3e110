import type { Migration } from '../replica/migrate.ts';

/**
 * Tickets get a typed `problem_id`, so a problem's incidents (shown each time a ticket opens, and
 * answered by a solve) are an index lookup, not a scan of every ticket's JSON.
 */
export const problemLinks: Migration = {
  version: 11,
  name: 'problem-links',
  up(db) {
    db.exec(`
      ALTER TABLE tickets ADD COLUMN problem_id TEXT;
      UPDATE tickets SET problem_id = json_extract(data, '$.problemId') WHERE json_extract(data, '$.problemId') IS NOT NULL;
      -- a problem's incidents, oldest first
      CREATE INDEX tickets_by_problem ON tickets (problem_id, created_at) WHERE problem_id IS NOT NULL;
    `);
  },
};
