import { sql, type Kysely } from 'kysely';
import { recomputeChecksums } from '../../sync/checksums.ts';
import type { EntityKind } from '../../../shared/model/index.ts';
import { entityTables, type Database } from '../schema.ts';

/** The entity tables as they were when this migration shipped (later kinds get `version` when they are made). */
const TABLES_OF_005 = {
  team: entityTables.team,
  agent: entityTables.agent,
  account: entityTables.account,
  contact: entityTables.contact,
  ticket: entityTables.ticket,
  message: entityTables.message,
  article: entityTables.article,
};
import { columnTypes } from './column-types.ts';

/**
 * Rows in several scopes, row versions and per-scope checksums, and compaction horizons:
 * - every entity row gets `version`, the seq of the change that last wrote it (0: none);
 * - a change's scopes move to `change_scopes`, one row per scope the row entered or left;
 * - `scope_checksums` keeps each scope's row count and hash sum; `scope_horizons` what compaction dropped.
 * Existing rows get the version of their newest logged change and the checksums are computed once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Versions and horizons are change-log seqs.
  const { bigint } = columnTypes(db);
  for (const table of Object.values(TABLES_OF_005)) {
    await db.schema.alterTable(table).addColumn('version', bigint, (c) => c.notNull().defaultTo(0)).execute();
  }

  await db.schema
    .createTable('change_scopes')
    .addColumn('seq', bigint, (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('gone', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_scopes_pk', ['scope', 'seq'])
    .execute();
  // Compaction deletes by seq.
  await db.schema.createIndex('change_scopes_seq').on('change_scopes').column('seq').execute();
  await sql`INSERT INTO change_scopes (seq, scope, gone) SELECT seq, scope, 0 FROM change_log`.execute(db);
  await db.schema.alterTable('change_log').dropColumn('scope').execute();

  await db.schema
    .createTable('scope_checksums')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('hash_sum', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('scope_horizons')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('seq', bigint, (c) => c.notNull())
    .execute();

  // Snapshot pages of a scope walk its tickets by team or assignee, and threads by ticket.
  await db.schema.createIndex('tickets_team_id').on('tickets').columns(['team_id', 'id']).execute();
  await db.schema.createIndex('tickets_assignee_id').on('tickets').columns(['assignee_id', 'id']).execute();
  await db.schema.createIndex('messages_ticket_id').on('messages').columns(['ticket_id', 'id']).execute();

  const store = db as Kysely<Database>;
  for (const [kind, table] of Object.entries(TABLES_OF_005) as [EntityKind, string][]) {
    const newest = await store
      .selectFrom('change_log')
      .select((eb) => ['entity_id', eb.fn.max('seq').as('seq')])
      .where('kind', '=', kind)
      .where('op', '=', 'put')
      .groupBy('entity_id')
      .execute();
    for (const { entity_id, seq } of newest) await sql`UPDATE ${sql.table(table)} SET version = ${seq} WHERE id = ${entity_id}`.execute(db);
  }
  await recomputeChecksums(store, ['team', 'agent', 'account', 'contact', 'article']);
}
