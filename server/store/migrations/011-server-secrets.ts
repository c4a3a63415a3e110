import type { Kysely } from 'kysely';

/**
 * Secrets the server keeps for itself (issue 4, satisfaction surveys): named random keys made on first
 * use, e.g. the HMAC key that signs survey links. Kept in the store, not in one instance's memory, so
 * every instance behind the load balancer (and the next start) checks the same signatures.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
