import type { Migration } from '../replica/migrate.ts';

/**
 * Reports (issue 4): tickets get typed columns for every fact a metric reads (the entity store keeps
 * them on every write path, as it does the others; durations are kept in minutes so that a median
 * reads numbers), and an index per date a metric anchors on (and one of open tickets), each covering what the stock dashboard reads so that a period is one narrow index range.
 * `solved_at` and `rated_at` are null on merged tickets: those count nowhere but in `created`.
 * Saved reports (kind `report`, org scope) get their table, like saved views.
 */
export const reportFacts: Migration = {
  version: 15,
  name: 'report-facts',
  up(db) {
    db.exec(`
      CREATE TABLE saved_reports (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;

      ALTER TABLE tickets ADD COLUMN merged INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE tickets ADD COLUMN solved_at TEXT;
      ALTER TABLE tickets ADD COLUMN first_response_at TEXT;
      ALTER TABLE tickets ADD COLUMN first_response_due_at TEXT;
      ALTER TABLE tickets ADD COLUMN resolution_due_at TEXT;
      ALTER TABLE tickets ADD COLUMN reply_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE tickets ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE tickets ADD COLUMN csat INTEGER;
      ALTER TABLE tickets ADD COLUMN ces INTEGER;
      ALTER TABLE tickets ADD COLUMN nps INTEGER;
      ALTER TABLE tickets ADD COLUMN rated_at TEXT;
      ALTER TABLE tickets ADD COLUMN channel TEXT NOT NULL DEFAULT 'email';
      ALTER TABLE tickets ADD COLUMN product TEXT;
      ALTER TABLE tickets ADD COLUMN first_response_minutes REAL;
      ALTER TABLE tickets ADD COLUMN resolution_minutes REAL;

      UPDATE tickets SET
        merged = json_extract(data, '$.mergedIntoId') IS NOT NULL,
        solved_at = CASE WHEN unsolved = 0 AND json_extract(data, '$.mergedIntoId') IS NULL
          THEN strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(json_extract(data, '$.solvedAt'), json_extract(data, '$.updatedAt'))) END,
        first_response_at = strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(data, '$.firstResponseAt')),
        first_response_due_at = strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(data, '$.firstResponseDueAt')),
        resolution_due_at = strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(data, '$.resolutionDueAt')),
        reply_count = coalesce(json_extract(data, '$.replyCount'), 0),
        reopen_count = coalesce(json_extract(data, '$.reopenCount'), 0),
        csat = json_extract(data, '$.satisfaction.csat'),
        ces = json_extract(data, '$.satisfaction.ces'),
        nps = json_extract(data, '$.satisfaction.nps'),
        rated_at = CASE WHEN json_extract(data, '$.mergedIntoId') IS NULL
          THEN strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(data, '$.satisfaction.ratedAt')) END,
        channel = json_extract(data, '$.channel'),
        product = json_extract(data, '$.product');
      UPDATE tickets SET
        first_response_minutes = round((unixepoch(first_response_at, 'subsec') - unixepoch(json_extract(data, '$.createdAt'), 'subsec')) * 1000) / 60000.0,
        resolution_minutes = round((unixepoch(solved_at, 'subsec') - unixepoch(json_extract(data, '$.createdAt'), 'subsec')) * 1000) / 60000.0;

      -- reports anchored on creation: volume, first response time and its SLA, by channel, priority or team
      CREATE INDEX reports_by_created ON tickets (created_at, merged, channel, priority_rank, team_id, first_response_at, first_response_due_at, first_response_minutes);
      -- reports anchored on solving: solved, resolution time and its SLA, first contact resolution, reopen rate
      CREATE INDEX reports_by_solved ON tickets (solved_at, created_at, reply_count, reopen_count, resolution_due_at, resolution_minutes);
      -- reports anchored on the survey answer: CSAT, NPS, customer effort
      CREATE INDEX reports_by_rated ON tickets (rated_at, csat, nps, ces);
      -- the backlog: tickets open now, by creation (and the workload by assignee)
      CREATE INDEX reports_open ON tickets (unsolved, merged, created_at, assignee_id);
    `);
  },
};
