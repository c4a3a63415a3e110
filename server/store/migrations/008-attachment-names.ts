import type { Kysely } from 'kysely';

/** Attachment bytes keep the file name they were uploaded with (a download's suggested name). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('attachment_blobs').addColumn('name', 'text', (c) => c.notNull().defaultTo('')).execute();
}
