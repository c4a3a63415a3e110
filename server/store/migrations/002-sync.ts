import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/** Workspace meta, the change log, and the per-client exactly-once bookkeeping. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { bigint, identity } = columnTypes(db);
  await db.schema
    .createTable('workspace')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('epoch', 'text', (c) => c.notNull())
    .addColumn('last_seq', bigint, (c) => c.notNull())
    .addColumn('last_ticket_number', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('change_log')
    .addColumn('seq', bigint, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('client_id', 'text')
    .addColumn('mutation_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Pull pages ask which of a client's mutations lie beyond the page.
  await db.schema.createIndex('change_log_client_seq').on('change_log').columns(['client_id', 'seq']).execute();

  await db.schema
    .createTable('clients')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('last_mutation_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rejected_mutations')
    .addColumn('id', 'integer', identity)
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('mutation_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rejected_mutations_client_mutation', ['client_id', 'mutation_id'])
    .execute();
}
