import type { Kysely } from 'kysely';

/**
 * Messages get their structured system-event payload (JSON text, null for other messages), and
 * the server remembers which agent last set each conflict-tracked ticket field, so a conflict
 * notice can name whose value was overwritten.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('event', 'text').execute();

  await db.schema
    .createTable('field_writers')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('field_writers_pk', ['kind', 'entity_id', 'field'])
    .execute();
}
