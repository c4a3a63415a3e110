import { sql, type Kysely } from 'kysely';

/**
 * Reports (issue 4): tickets count their public agent replies and their reopenings (first contact
 * resolution), and keep the customer's survey answer (CSAT, CES, NPS) as JSON. Existing tickets count
 * the agents' public replies already in their threads (replicas count theirs the same way, from the same
 * messages); reopenings before now are not known and read 0, and no ticket has an answer yet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('tickets').addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('tickets').addColumn('satisfaction', 'text').execute();
  await sql`UPDATE tickets SET reply_count = (
    SELECT count(*) FROM messages m WHERE m.ticket_id = tickets.id AND m.kind = 'reply' AND m.author_type = 'agent'
  )`.execute(db);
}
