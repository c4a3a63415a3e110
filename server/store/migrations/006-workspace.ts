import type { CreateTableBuilder, Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * The agent workspace (issue 5):
 * - tickets gain followers and the survivor of a merge; messages gain sanitized-on-display HTML,
 *   attachment metadata and @mentions (existing rows get the empty values the schemas default to);
 * - three org-scoped kinds: the SLA policy, macros and saved views (columns read off their zod schemas, server/store/rows.ts);
 * - attachment bytes, kept apart from the replicated rows and fetched when opened.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { bigint, blob } = columnTypes(db);
  await db.schema.alterTable('tickets').addColumn('follower_ids', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('tickets').addColumn('merged_into_id', 'text').execute();
  await db.schema.alterTable('messages').addColumn('body_html', 'text').execute();
  await db.schema.alterTable('messages').addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('messages').addColumn('mention_ids', 'text', (c) => c.notNull().defaultTo('[]')).execute();

  const entityTable = async (name: string, columns: (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>) => {
    const base = db.schema.createTable(name).addColumn('id', 'text', (c) => c.primaryKey());
    await columns(base)
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('version', bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${name}_scope_id`).on(name).columns(['scope', 'id']).execute();
  };
  await entityTable('sla_policies', (t) =>
    t
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('week', 'text', (c) => c.notNull())
      .addColumn('holidays', 'text', (c) => c.notNull())
      .addColumn('targets', 'text', (c) => c.notNull())
      .addColumn('at_risk_minutes', 'integer', (c) => c.notNull()),
  );
  await entityTable('macros', (t) =>
    t
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actions', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text'),
  );
  await entityTable('saved_views', (t) =>
    t
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('shared', 'integer', (c) => c.notNull())
      .addColumn('filter', 'text', (c) => c.notNull())
      .addColumn('sort', 'text', (c) => c.notNull())
      .addColumn('columns', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull()),
  );

  await db.schema
    .createTable('attachment_blobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', blob, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
