import type { Migration } from '../replica/migrate.ts';

/**
 * Queue views (issue 5): tickets get a typed `status` column (the pending view and status filters),
 * and the indexes the built-in views and saved-view sorts walk.
 */
export const queueViews: Migration = {
  version: 8,
  name: 'queue-views',
  up(db) {
    db.exec(`
      ALTER TABLE tickets ADD COLUMN status TEXT NOT NULL DEFAULT 'new';
      UPDATE tickets SET status = json_extract(data, '$.status');

      -- view "pending": one range per team, and one for the agent's own tickets; team_id last so the count of my own outside my teams is covered
      CREATE INDEX tickets_by_team_status ON tickets (team_id, status, updated_at, id);
      CREATE INDEX tickets_by_assignee_status ON tickets (assignee_id, status, updated_at, id, team_id);
      -- saved views sorted by creation, priority, number or SLA deadline (id breaks ties)
      CREATE INDEX tickets_by_created ON tickets (created_at, id);
      CREATE INDEX tickets_by_priority ON tickets (priority_rank, id);
      CREATE INDEX tickets_by_number ON tickets (number, id);
      CREATE INDEX tickets_by_sla_order ON tickets (sla_due_at, id);
    `);
  },
};
