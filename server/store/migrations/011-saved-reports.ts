import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Saved reports (issue 4): custom reports agents keep, personal or shared, synced in the org scope
 * like saved views (columns read off shared/reports/saved-report.ts, server/store/rows.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { bigint } = columnTypes(db);
  await db.schema
    .createTable('saved_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('version', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_reports_scope_id').on('saved_reports').columns(['scope', 'id']).execute();
}
