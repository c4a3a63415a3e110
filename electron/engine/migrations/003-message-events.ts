import type { Migration } from '../replica/migrate.ts';

/**
 * Messages gained `event` (the structured payload of a system event; null for others). Rows and
 * before-images stored by an older version get the null, so every row matches the schema.
 */
export const messageEvents: Migration = {
  version: 3,
  name: 'message-events',
  up(db) {
    db.exec(`
      UPDATE messages SET data = json_set(data, '$.event', json('null')) WHERE json_type(data, '$.event') IS NULL;
      UPDATE _outbox_undo SET before = json_set(before, '$.event', json('null'))
        WHERE kind = 'message' AND before IS NOT NULL AND json_type(before, '$.event') IS NULL;
    `);
  },
};
