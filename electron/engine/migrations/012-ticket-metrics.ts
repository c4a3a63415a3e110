import type { Migration } from '../replica/migrate.ts';

/**
 * Tickets gained `replyCount`, `reopenCount` and `satisfaction` (server migration 009-ticket-metrics).
 * Rows and before-images stored before read what the server gave its own: the agents' public replies
 * in the thread counted (from the same messages, so both agree), no reopenings known, no survey answer.
 */
export const ticketMetrics: Migration = {
  version: 12,
  name: 'ticket-metrics',
  up(db) {
    const replies = (ticketId: string) => `(
      SELECT count(*) FROM messages m
      WHERE m.ticket_id = ${ticketId} AND json_extract(m.data, '$.kind') = 'reply' AND json_extract(m.data, '$.authorType') = 'agent')`;
    db.exec(`
      UPDATE tickets SET data = json_set(data,
        '$.replyCount', coalesce(json_extract(data, '$.replyCount'), ${replies('tickets.id')}),
        '$.reopenCount', coalesce(json_extract(data, '$.reopenCount'), 0),
        '$.satisfaction', json_extract(data, '$.satisfaction'));
      UPDATE _outbox_undo SET before = json_set(before,
        '$.replyCount', coalesce(json_extract(before, '$.replyCount'), ${replies('_outbox_undo.row_id')}),
        '$.reopenCount', coalesce(json_extract(before, '$.reopenCount'), 0),
        '$.satisfaction', json_extract(before, '$.satisfaction'))
        WHERE kind = 'ticket' AND before IS NOT NULL;
    `);
  },
};
