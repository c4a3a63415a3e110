import type { Migration } from '../replica/migrate.ts';

/**
 * The agent workspace (issue 5): tables for the SLA policy, macros and saved views (org scope);
 * tickets get `sla_due_at` (the earliest running SLA deadline, for the SLA views and sorting) and
 * `priority_rank`, `number` for sorting; rows and before-images stored by an older version get the
 * fields the schemas added (followers, merge survivor, HTML body, attachments, mentions).
 */
export const workspace: Migration = {
  version: 5,
  name: 'workspace',
  up(db) {
    db.exec(`
      CREATE TABLE sla_policies (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
      CREATE TABLE macros (id TEXT PRIMARY KEY, title TEXT NOT NULL, data TEXT NOT NULL) STRICT;
      CREATE TABLE saved_views (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;

      ALTER TABLE tickets ADD COLUMN sla_due_at TEXT;
      ALTER TABLE tickets ADD COLUMN priority_rank INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE tickets ADD COLUMN number INTEGER;
      UPDATE tickets SET
        data = json_set(data, '$.followerIds', json(coalesce(json_extract(data, '$.followerIds'), '[]')),
                              '$.mergedIntoId', json_extract(data, '$.mergedIntoId')),
        sla_due_at = CASE WHEN json_extract(data, '$.status') IN ('solved', 'closed') THEN NULL
          ELSE coalesce(CASE WHEN json_extract(data, '$.firstResponseAt') IS NULL THEN json_extract(data, '$.firstResponseDueAt') END, json_extract(data, '$.resolutionDueAt')) END,
        priority_rank = CASE json_extract(data, '$.priority') WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END,
        number = json_extract(data, '$.number');
      UPDATE messages SET data = json_set(data,
        '$.bodyHtml', json_extract(data, '$.bodyHtml'),
        '$.attachments', json(coalesce(json_extract(data, '$.attachments'), '[]')),
        '$.mentionIds', json(coalesce(json_extract(data, '$.mentionIds'), '[]')));
      UPDATE _outbox_undo SET before = json_set(before,
        '$.followerIds', json(coalesce(json_extract(before, '$.followerIds'), '[]')),
        '$.mergedIntoId', json_extract(before, '$.mergedIntoId'))
        WHERE kind = 'ticket' AND before IS NOT NULL;
      UPDATE _outbox_undo SET before = json_set(before,
        '$.bodyHtml', json_extract(before, '$.bodyHtml'),
        '$.attachments', json(coalesce(json_extract(before, '$.attachments'), '[]')),
        '$.mentionIds', json(coalesce(json_extract(before, '$.mentionIds'), '[]')))
        WHERE kind = 'message' AND before IS NOT NULL;

      -- SLA views: running deadlines soonest first
      CREATE INDEX tickets_by_sla_due ON tickets (sla_due_at, id) WHERE sla_due_at IS NOT NULL;
    `);
  },
};
